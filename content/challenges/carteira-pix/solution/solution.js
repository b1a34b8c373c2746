const LIMITE_DIARIO = 100000; // R$ 1.000,00 em centavos

/** Operação recusada pela carteira; a mensagem diz o motivo (ex.: "saldo insuficiente"). */
class OperacaoRecusada extends Error {
  constructor(mensagem) {
    super(mensagem);
    this.name = "OperacaoRecusada";
  }
}

class CarteiraPix {
  constructor() {
    this._saldo = 0;
    this._extrato = [];
    this._enviadoPorDia = new Map();
  }

  depositar(valor) {
    if (!(valor > 0)) throw new OperacaoRecusada("valor inválido");
    this._saldo += valor;
    this._extrato.push(`+${valor} depósito`);
  }

  enviarPix(chave, valor, data) {
    if (!(valor > 0)) throw new OperacaoRecusada("valor inválido");
    if (chave.trim() === "") throw new OperacaoRecusada("chave inválida");
    if (valor > this._saldo) throw new OperacaoRecusada("saldo insuficiente");
    const enviado = this._enviadoPorDia.get(data) ?? 0;
    if (enviado + valor > LIMITE_DIARIO) throw new OperacaoRecusada("limite diário excedido");
    this._saldo -= valor;
    this._enviadoPorDia.set(data, enviado + valor);
    this._extrato.push(`-${valor} Pix para ${chave}`);
  }

  saldo() {
    return this._saldo;
  }

  extrato() {
    return [...this._extrato];
  }
}

module.exports = { CarteiraPix, OperacaoRecusada, LIMITE_DIARIO };
