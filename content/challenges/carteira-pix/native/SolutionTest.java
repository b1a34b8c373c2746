import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolutionTest {
    static final String MARIA = "maria@exemplo.com";
    static final String DIA = "2024-03-01";

    CarteiraPix carteira;

    @BeforeEach
    void novaCarteira() {
        carteira = new CarteiraPix(); // cada teste (e cada caso parametrizado) começa com uma carteira nova
    }

    static void assertRecusada(String mensagem, Executable operacao) {
        OperacaoRecusadaException erro = assertThrows(OperacaoRecusadaException.class, operacao);
        assertEquals(mensagem, erro.getMessage());
    }

    @Order(1)
    @Test
    @DisplayName("depósitos somam no saldo, a partir do zero")
    void depositosSomamNoSaldo() {
        assertEquals(0L, carteira.saldo());
        assertEquals(List.of(), carteira.extrato());
        carteira.depositar(15000);
        carteira.depositar(3_000_000_000L); // acima de 2^31 centavos
        assertEquals(3_000_015_000L, carteira.saldo());
        assertEquals(List.of("+15000 depósito", "+3000000000 depósito"), carteira.extrato());
    }

    @Order(2)
    @ParameterizedTest(name = "valor {0} é recusado com \"valor inválido\"")
    @ValueSource(longs = {0, -1})
    void valorInvalido(long valor) {
        carteira.depositar(50000);
        assertRecusada("valor inválido", () -> carteira.depositar(valor));
        assertRecusada("valor inválido", () -> carteira.enviarPix(MARIA, valor, DIA));
        assertRecusada("valor inválido", () -> carteira.enviarPix("", valor, DIA));
        assertEquals(50000L, carteira.saldo());
        assertEquals(List.of("+50000 depósito"), carteira.extrato());
    }

    @Order(3)
    @Test
    @DisplayName("Pix debita o saldo e entra no extrato, na ordem")
    void pixDebitaOSaldo() {
        carteira.depositar(50000);
        carteira.enviarPix(MARIA, 12550, DIA);
        assertEquals(37450L, carteira.saldo());
        carteira.depositar(1000);
        carteira.enviarPix("+5511987654321", 38450, DIA); // todo o saldo
        assertEquals(0L, carteira.saldo());
        assertEquals(List.of(
            "+50000 depósito",
            "-12550 Pix para maria@exemplo.com",
            "+1000 depósito",
            "-38450 Pix para +5511987654321"), carteira.extrato());
    }

    @Order(4)
    @Test
    @DisplayName("Pix acima do saldo é recusado com \"saldo insuficiente\", mesmo passando do limite")
    void saldoInsuficiente() {
        carteira.depositar(50000);
        assertRecusada("saldo insuficiente", () -> carteira.enviarPix(MARIA, 50001, DIA));
        assertRecusada("saldo insuficiente", () -> carteira.enviarPix(MARIA, 150000, DIA));
        assertEquals(50000L, carteira.saldo());
        assertEquals(List.of("+50000 depósito"), carteira.extrato());
    }

    @Order(5)
    @Test
    @DisplayName("chave vazia ou só com espaços é recusada com \"chave inválida\"")
    void chaveInvalida() {
        // sem saldo: a chave é verificada antes do saldo
        assertRecusada("chave inválida", () -> carteira.enviarPix("", 5000, DIA));
        assertRecusada("chave inválida", () -> carteira.enviarPix("   ", 5000, DIA));
        assertEquals(List.of(), carteira.extrato());
    }

    @Order(6)
    @ParameterizedTest(name = "limite diário de R$ 1.000,00: {0}")
    @CsvSource({
        "'soma exata de R$ 1.000,00 no dia é aceita', 60000, 2024-03-01, 40000, true",
        "'um centavo acima do limite é recusado', 60000, 2024-03-01, 40001, false",
        "'no dia seguinte o limite recomeça', 100000, 2024-03-02, 100000, true",
    })
    void limiteDiario(String caso, long primeiro, String data, long segundo, boolean aceito) {
        carteira.depositar(500000);
        carteira.enviarPix(MARIA, primeiro, DIA);
        if (aceito) {
            carteira.enviarPix(MARIA, segundo, data);
            assertEquals(500000 - primeiro - segundo, carteira.saldo());
        } else {
            assertRecusada("limite diário excedido", () -> carteira.enviarPix(MARIA, segundo, data));
            assertEquals(500000 - primeiro, carteira.saldo());
        }
    }

    @Order(7)
    @Test
    @DisplayName("Pix recusado pelo limite não muda saldo, extrato nem o limite usado")
    void recusadoNaoConsomeLimite() {
        carteira.depositar(200000);
        carteira.enviarPix(MARIA, 90000, DIA);
        assertRecusada("limite diário excedido", () -> carteira.enviarPix(MARIA, 20000, DIA));
        assertEquals(110000L, carteira.saldo());
        assertEquals(List.of("+200000 depósito", "-90000 Pix para maria@exemplo.com"), carteira.extrato());
        carteira.enviarPix(MARIA, 10000, DIA); // completa exatamente R$ 1.000,00
        assertEquals(100000L, carteira.saldo());
        assertRecusada("limite diário excedido", () -> carteira.enviarPix(MARIA, 1, DIA));
    }
}
