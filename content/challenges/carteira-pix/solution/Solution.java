import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Operação recusada pela carteira; a mensagem diz o motivo (ex.: "saldo insuficiente"). */
class OperacaoRecusadaException extends RuntimeException {
    OperacaoRecusadaException(String mensagem) {
        super(mensagem);
    }
}

class CarteiraPix {
    static final long LIMITE_DIARIO = 100_000; // R$ 1.000,00 em centavos

    private long saldo = 0;
    private final List<String> extrato = new ArrayList<>();
    private final Map<String, Long> enviadoPorDia = new HashMap<>();

    void depositar(long valor) {
        if (valor <= 0) throw new OperacaoRecusadaException("valor inválido");
        saldo += valor;
        extrato.add("+" + valor + " depósito");
    }

    void enviarPix(String chave, long valor, String data) {
        if (valor <= 0) throw new OperacaoRecusadaException("valor inválido");
        if (chave == null || chave.isBlank()) throw new OperacaoRecusadaException("chave inválida");
        if (valor > saldo) throw new OperacaoRecusadaException("saldo insuficiente");
        long enviado = enviadoPorDia.getOrDefault(data, 0L);
        if (enviado + valor > LIMITE_DIARIO) throw new OperacaoRecusadaException("limite diário excedido");
        saldo -= valor;
        enviadoPorDia.put(data, enviado + valor);
        extrato.add("-" + valor + " Pix para " + chave);
    }

    long saldo() {
        return saldo;
    }

    List<String> extrato() {
        return List.copyOf(extrato);
    }
}
