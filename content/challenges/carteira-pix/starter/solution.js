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
  }

  depositar(valor) {
    // TODO: recuse valores inválidos, some ao saldo e registre "+VALOR depósito" no extrato.
    throw new Error("depositar ainda não foi implementado");
  }

  enviarPix(chave, valor, data) {
    // TODO: valide valor, chave, saldo e limite do dia (nessa ordem), debite e registre no extrato.
    throw new Error("enviarPix ainda não foi implementado");
  }

  saldo() {
    return this._saldo;
  }

  extrato() {
    return [...this._extrato];
  }
}

module.exports = { CarteiraPix, OperacaoRecusada, LIMITE_DIARIO };
