import unittest

from solution import CarteiraPix, OperacaoRecusada

MARIA = "maria@exemplo.com"
DIA = "2024-03-01"


class CarteiraPixTest(unittest.TestCase):
    # Mensagens de uma linha só: quem corrige mostra ao aluno a última linha da falha.

    def assertRecusada(self, mensagem, operacao, *args):
        chamada = f"{operacao.__name__}({', '.join(map(repr, args))})"
        with self.assertRaises(OperacaoRecusada, msg=chamada) as erro:
            operacao(*args)
        if str(erro.exception) != mensagem:
            self.fail(f"{chamada}: recusada com {str(erro.exception)!r}, esperado {mensagem!r}")

    def assertAceita(self, contexto, operacao, *args):
        chamada = f"{operacao.__name__}({', '.join(map(repr, args))})"
        try:
            operacao(*args)
        except OperacaoRecusada as erro:
            self.fail(f"{contexto}{chamada} foi recusada com {str(erro)!r}")

    def assertSaldo(self, carteira, esperado, contexto=""):
        saldo = carteira.saldo()
        if saldo != esperado:
            self.fail(f"{contexto}saldo() = {saldo!r}, esperado {esperado!r}")

    def assertExtrato(self, carteira, esperado):
        extrato = carteira.extrato()
        if extrato != esperado:
            self.fail(f"extrato() = {extrato!r}, esperado {esperado!r}")

    def test_1_depositos_somam_no_saldo(self):
        """depósitos somam no saldo, a partir do zero"""
        carteira = CarteiraPix()
        self.assertSaldo(carteira, 0)
        self.assertExtrato(carteira, [])
        carteira.depositar(15000)
        carteira.depositar(3_000_000_000)  # acima de 2^31 centavos
        self.assertSaldo(carteira, 3_000_015_000)
        self.assertExtrato(carteira, ["+15000 depósito", "+3000000000 depósito"])

    def test_2_valor_invalido(self):
        """valor zero ou negativo é recusado com "valor inválido\""""
        for valor in (0, -1):
            with self.subTest(valor=valor):
                carteira = CarteiraPix()
                carteira.depositar(50000)
                self.assertRecusada("valor inválido", carteira.depositar, valor)
                self.assertRecusada("valor inválido", carteira.enviar_pix, MARIA, valor, DIA)
                self.assertRecusada("valor inválido", carteira.enviar_pix, "", valor, DIA)
                self.assertSaldo(carteira, 50000)
                self.assertExtrato(carteira, ["+50000 depósito"])

    def test_3_pix_debita_o_saldo(self):
        """Pix debita o saldo e entra no extrato, na ordem"""
        carteira = CarteiraPix()
        carteira.depositar(50000)
        carteira.enviar_pix(MARIA, 12550, DIA)
        self.assertSaldo(carteira, 37450)
        carteira.depositar(1000)
        carteira.enviar_pix("+5511987654321", 38450, DIA)  # todo o saldo
        self.assertSaldo(carteira, 0)
        self.assertExtrato(carteira, [
            "+50000 depósito",
            "-12550 Pix para maria@exemplo.com",
            "+1000 depósito",
            "-38450 Pix para +5511987654321",
        ])

    def test_4_saldo_insuficiente(self):
        """Pix acima do saldo é recusado com "saldo insuficiente", mesmo passando do limite"""
        carteira = CarteiraPix()
        carteira.depositar(50000)
        self.assertRecusada("saldo insuficiente", carteira.enviar_pix, MARIA, 50001, DIA)
        self.assertRecusada("saldo insuficiente", carteira.enviar_pix, MARIA, 150000, DIA)
        self.assertSaldo(carteira, 50000)
        self.assertExtrato(carteira, ["+50000 depósito"])

    def test_5_chave_invalida(self):
        """chave vazia ou só com espaços é recusada com "chave inválida\""""
        carteira = CarteiraPix()  # sem saldo: a chave é verificada antes do saldo
        self.assertRecusada("chave inválida", carteira.enviar_pix, "", 5000, DIA)
        self.assertRecusada("chave inválida", carteira.enviar_pix, "   ", 5000, DIA)
        self.assertExtrato(carteira, [])

    def test_6_limite_diario(self):
        """limite diário de R$ 1.000,00 somando os Pix do mesmo dia"""
        casos = [
            ("soma exata de R$ 1.000,00 no dia é aceita", 60000, DIA, 40000, True),
            ("um centavo acima do limite é recusado", 60000, DIA, 40001, False),
            ("no dia seguinte o limite recomeça", 100000, "2024-03-02", 100000, True),
        ]
        for nome, primeiro, data, segundo, aceito in casos:
            with self.subTest(nome):
                carteira = CarteiraPix()
                carteira.depositar(500000)
                self.assertAceita(f"{nome}: ", carteira.enviar_pix, MARIA, primeiro, DIA)
                if aceito:
                    self.assertAceita(f"{nome}: ", carteira.enviar_pix, MARIA, segundo, data)
                    self.assertSaldo(carteira, 500000 - primeiro - segundo, f"{nome}: ")
                else:
                    self.assertRecusada("limite diário excedido", carteira.enviar_pix, MARIA, segundo, data)
                    self.assertSaldo(carteira, 500000 - primeiro, f"{nome}: ")

    def test_7_recusado_nao_consome_limite(self):
        """Pix recusado pelo limite não muda saldo, extrato nem o limite usado"""
        carteira = CarteiraPix()
        carteira.depositar(200000)
        carteira.enviar_pix(MARIA, 90000, DIA)
        self.assertRecusada("limite diário excedido", carteira.enviar_pix, MARIA, 20000, DIA)
        self.assertSaldo(carteira, 110000)
        self.assertExtrato(carteira, ["+200000 depósito", "-90000 Pix para maria@exemplo.com"])
        carteira.enviar_pix(MARIA, 10000, DIA)  # completa exatamente R$ 1.000,00
        self.assertSaldo(carteira, 100000)
        self.assertRecusada("limite diário excedido", carteira.enviar_pix, MARIA, 1, DIA)


if __name__ == "__main__":
    unittest.main()
