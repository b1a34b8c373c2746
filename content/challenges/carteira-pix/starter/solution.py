LIMITE_DIARIO = 100_000  # R$ 1.000,00 em centavos


class OperacaoRecusada(Exception):
    """Operação recusada pela carteira; a mensagem diz o motivo (ex.: "saldo insuficiente")."""


class CarteiraPix:
    def __init__(self) -> None:
        self._saldo = 0
        self._extrato: list[str] = []

    def depositar(self, valor: int) -> None:
        # TODO: recuse valores inválidos, some ao saldo e registre "+VALOR depósito" no extrato.
        raise NotImplementedError("depositar ainda não foi implementado")

    def enviar_pix(self, chave: str, valor: int, data: str) -> None:
        # TODO: valide valor, chave, saldo e limite do dia (nessa ordem), debite e registre no extrato.
        raise NotImplementedError("enviar_pix ainda não foi implementado")

    def saldo(self) -> int:
        return self._saldo

    def extrato(self) -> list[str]:
        return list(self._extrato)
