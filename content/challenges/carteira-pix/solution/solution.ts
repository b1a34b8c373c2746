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
  private readonly enviadoPorDia = new Map<string, number>();

  depositar(valor: number): void {
    if (!(valor > 0)) throw new OperacaoRecusada("valor inválido");
    this.saldoAtual += valor;
    this.linhas.push(`+${valor} depósito`);
  }

  enviarPix(chave: string, valor: number, data: string): void {
    if (!(valor > 0)) throw new OperacaoRecusada("valor inválido");
    if (chave.trim() === "") throw new OperacaoRecusada("chave inválida");
    if (valor > this.saldoAtual) throw new OperacaoRecusada("saldo insuficiente");
    const enviado = this.enviadoPorDia.get(data) ?? 0;
    if (enviado + valor > LIMITE_DIARIO) throw new OperacaoRecusada("limite diário excedido");
    this.saldoAtual -= valor;
    this.enviadoPorDia.set(data, enviado + valor);
    this.linhas.push(`-${valor} Pix para ${chave}`);
  }

  saldo(): number {
    return this.saldoAtual;
  }

  extrato(): string[] {
    return [...this.linhas];
  }
}
