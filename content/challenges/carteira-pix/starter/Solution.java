import java.util.ArrayList;
import java.util.List;

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

    void depositar(long valor) {
        // TODO: recuse valores inválidos, some ao saldo e registre "+VALOR depósito" no extrato.
        throw new UnsupportedOperationException("depositar ainda não foi implementado");
    }

    void enviarPix(String chave, long valor, String data) {
        // TODO: valide valor, chave, saldo e limite do dia (nessa ordem), debite e registre no extrato.
        throw new UnsupportedOperationException("enviarPix ainda não foi implementado");
    }

    long saldo() {
        return saldo;
    }

    List<String> extrato() {
        return List.copyOf(extrato);
    }
}
