export const LIMITE_DIARIO = 100_000; // R$ 1.000,00 em centavos

/** Operação recusada pela carteira; a mensagem diz o motivo (ex.: "saldo insuficiente"). */
export class OperacaoRecusada extends Error {
  constructor(mensagem: string) {
    super(mensagem);
    this.name = "OperacaoRecusada";
  }
}

export class CarteiraPix {
  private saldoAtual = 0;
  private readonly linhas: string[] = [];

  depositar(valor: number): void {
    // TODO: recuse valores inválidos, some ao saldo e registre "+VALOR depósito" no extrato.
    throw new Error("depositar ainda não foi implementado");
  }

  enviarPix(chave: string, valor: number, data: string): void {
    // TODO: valide valor, chave, saldo e limite do dia (nessa ordem), debite e registre no extrato.
    throw new Error("enviarPix ainda não foi implementado");
  }

  saldo(): number {
    return this.saldoAtual;
  }

  extrato(): string[] {
    return [...this.linhas];
  }
}
