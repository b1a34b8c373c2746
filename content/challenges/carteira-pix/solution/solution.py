LIMITE_DIARIO = 100_000  # R$ 1.000,00 em centavos


class OperacaoRecusada(Exception):
    """Operação recusada pela carteira; a mensagem diz o motivo (ex.: "saldo insuficiente")."""


class CarteiraPix:
    def __init__(self) -> None:
        self._saldo = 0
        self._extrato: list[str] = []
        self._enviado_por_dia: dict[str, int] = {}

    def depositar(self, valor: int) -> None:
        if valor <= 0:
            raise OperacaoRecusada("valor inválido")
        self._saldo += valor
        self._extrato.append(f"+{valor} depósito")

    def enviar_pix(self, chave: str, valor: int, data: str) -> None:
        if valor <= 0:
            raise OperacaoRecusada("valor inválido")
        if not chave.strip():
            raise OperacaoRecusada("chave inválida")
        if valor > self._saldo:
            raise OperacaoRecusada("saldo insuficiente")
        enviado = self._enviado_por_dia.get(data, 0)
        if enviado + valor > LIMITE_DIARIO:
            raise OperacaoRecusada("limite diário excedido")
        self._saldo -= valor
        self._enviado_por_dia[data] = enviado + valor
        self._extrato.append(f"-{valor} Pix para {chave}")

    def saldo(self) -> int:
        return self._saldo

    def extrato(self) -> list[str]:
        return list(self._extrato)
