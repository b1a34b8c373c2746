/// <summary>Operação recusada pela carteira; a mensagem diz o motivo (ex.: "saldo insuficiente").</summary>
public class OperacaoRecusadaException : Exception
{
    public OperacaoRecusadaException(string mensagem) : base(mensagem) { }
}

public class CarteiraPix
{
    public const long LimiteDiario = 100_000; // R$ 1.000,00 em centavos

    private long _saldo = 0;
    private readonly List<string> _extrato = [];

    public void Depositar(long valor)
    {
        // TODO: recuse valores inválidos, some ao saldo e registre "+VALOR depósito" no extrato.
        throw new NotImplementedException("Depositar ainda não foi implementado");
    }

    public void EnviarPix(string chave, long valor, string data)
    {
        // TODO: valide valor, chave, saldo e limite do dia (nessa ordem), debite e registre no extrato.
        throw new NotImplementedException("EnviarPix ainda não foi implementado");
    }

    public long Saldo() => _saldo;

    public IReadOnlyList<string> Extrato() => _extrato.ToList();
}
