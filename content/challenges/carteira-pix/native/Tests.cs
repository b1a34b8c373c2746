using System.ComponentModel;

public static class CarteiraPixTests
{
    const string Maria = "maria@exemplo.com";
    const string Dia = "2024-03-01";

    // Os métodos privados são ajudantes: só os públicos viram testes.
    static void AssertRecusada(string mensagem, Action operacao)
    {
        var erro = Assert.Throws<OperacaoRecusadaException>(operacao);
        Assert.Equal(mensagem, erro.Message);
    }

    // Nos laços, a mensagem de falha diz qual foi o caso (Equal e Throws não recebem mensagem).
    static void AssertRecusada(string mensagem, Action operacao, string contexto)
    {
        Exception? lancada = null;
        try
        {
            operacao();
        }
        catch (Exception e)
        {
            lancada = e;
        }
        Assert.True(lancada is OperacaoRecusadaException && lancada.Message == mensagem,
            $"{contexto}esperada OperacaoRecusadaException(\"{mensagem}\"), "
            + (lancada is null ? "nada foi lançado" : $"lançada {lancada.GetType().Name}(\"{lancada.Message}\")"));
    }

    static void AssertAceita(Action operacao, string contexto)
    {
        OperacaoRecusadaException? recusa = null;
        try
        {
            operacao();
        }
        catch (OperacaoRecusadaException e)
        {
            recusa = e;
        }
        Assert.True(recusa is null, $"{contexto}recusada com \"{recusa?.Message}\"");
    }

    [Description("depósitos somam no saldo, a partir do zero")]
    public static void DepositosSomamNoSaldo()
    {
        var carteira = new CarteiraPix();
        Assert.Equal(0L, carteira.Saldo());
        Assert.SequenceEqual([], carteira.Extrato());
        carteira.Depositar(15000);
        carteira.Depositar(3_000_000_000); // acima de 2^31 centavos
        Assert.Equal(3_000_015_000L, carteira.Saldo());
        Assert.SequenceEqual(["+15000 depósito", "+3000000000 depósito"], carteira.Extrato());
    }

    [Description("valor zero ou negativo é recusado com \"valor inválido\"")]
    public static void ValorInvalido()
    {
        foreach (var valor in new long[] { 0, -1 })
        {
            var carteira = new CarteiraPix();
            carteira.Depositar(50000);
            AssertRecusada("valor inválido", () => carteira.Depositar(valor), $"Depositar({valor}): ");
            AssertRecusada("valor inválido", () => carteira.EnviarPix(Maria, valor, Dia), $"EnviarPix(Maria, {valor}, Dia): ");
            AssertRecusada("valor inválido", () => carteira.EnviarPix("", valor, Dia), $"EnviarPix(\"\", {valor}, Dia): ");
            Assert.Equal(50000L, carteira.Saldo());
            Assert.SequenceEqual(["+50000 depósito"], carteira.Extrato());
        }
    }

    [Description("Pix debita o saldo e entra no extrato, na ordem")]
    public static void PixDebitaOSaldo()
    {
        var carteira = new CarteiraPix();
        carteira.Depositar(50000);
        carteira.EnviarPix(Maria, 12550, Dia);
        Assert.Equal(37450L, carteira.Saldo());
        carteira.Depositar(1000);
        carteira.EnviarPix("+5511987654321", 38450, Dia); // todo o saldo
        Assert.Equal(0L, carteira.Saldo());
        Assert.SequenceEqual(
            ["+50000 depósito", "-12550 Pix para maria@exemplo.com", "+1000 depósito", "-38450 Pix para +5511987654321"],
            carteira.Extrato());
    }

    [Description("Pix acima do saldo é recusado com \"saldo insuficiente\", mesmo passando do limite")]
    public static void SaldoInsuficiente()
    {
        var carteira = new CarteiraPix();
        carteira.Depositar(50000);
        AssertRecusada("saldo insuficiente", () => carteira.EnviarPix(Maria, 50001, Dia));
        AssertRecusada("saldo insuficiente", () => carteira.EnviarPix(Maria, 150000, Dia));
        Assert.Equal(50000L, carteira.Saldo());
        Assert.SequenceEqual(["+50000 depósito"], carteira.Extrato());
    }

    [Description("chave vazia ou só com espaços é recusada com \"chave inválida\"")]
    public static void ChaveInvalida()
    {
        var carteira = new CarteiraPix(); // sem saldo: a chave é verificada antes do saldo
        AssertRecusada("chave inválida", () => carteira.EnviarPix("", 5000, Dia));
        AssertRecusada("chave inválida", () => carteira.EnviarPix("   ", 5000, Dia));
        Assert.SequenceEqual([], carteira.Extrato());
    }

    [Description("limite diário de R$ 1.000,00 somando os Pix do mesmo dia")]
    public static void LimiteDiario()
    {
        (string Nome, long Primeiro, string Data, long Segundo, bool Aceito)[] casos =
        [
            ("soma exata de R$ 1.000,00 no dia é aceita", 60000, Dia, 40000, true),
            ("um centavo acima do limite é recusado", 60000, Dia, 40001, false),
            ("no dia seguinte o limite recomeça", 100000, "2024-03-02", 100000, true),
        ];
        foreach (var caso in casos)
        {
            var carteira = new CarteiraPix();
            carteira.Depositar(500000);
            AssertAceita(() => carteira.EnviarPix(Maria, caso.Primeiro, Dia), $"{caso.Nome}: EnviarPix(Maria, {caso.Primeiro}, \"{Dia}\"): ");
            var esperado = 500000 - caso.Primeiro;
            if (caso.Aceito)
            {
                AssertAceita(() => carteira.EnviarPix(Maria, caso.Segundo, caso.Data), $"{caso.Nome}: EnviarPix(Maria, {caso.Segundo}, \"{caso.Data}\"): ");
                esperado -= caso.Segundo;
            }
            else
            {
                AssertRecusada("limite diário excedido", () => carteira.EnviarPix(Maria, caso.Segundo, caso.Data), $"{caso.Nome}: ");
            }
            Assert.True(carteira.Saldo() == esperado, $"{caso.Nome}: Saldo() = {carteira.Saldo()}, esperado {esperado}");
        }
    }

    [Description("Pix recusado pelo limite não muda saldo, extrato nem o limite usado")]
    public static void RecusadoNaoConsomeLimite()
    {
        var carteira = new CarteiraPix();
        carteira.Depositar(200000);
        carteira.EnviarPix(Maria, 90000, Dia);
        AssertRecusada("limite diário excedido", () => carteira.EnviarPix(Maria, 20000, Dia));
        Assert.Equal(110000L, carteira.Saldo());
        Assert.SequenceEqual(["+200000 depósito", "-90000 Pix para maria@exemplo.com"], carteira.Extrato());
        carteira.EnviarPix(Maria, 10000, Dia); // completa exatamente R$ 1.000,00
        Assert.Equal(100000L, carteira.Saldo());
        AssertRecusada("limite diário excedido", () => carteira.EnviarPix(Maria, 1, Dia));
    }
}
