/// <summary>Operação recusada pela carteira; a mensagem diz o motivo (ex.: "saldo insuficiente").</summary>
public class OperacaoRecusadaException : Exception
{
    public OperacaoRecusadaException(string mensagem) : base(mensagem) { }
}

public class CarteiraPix
{
    public const long LimiteDiario = 100_000; // R$ 1.000,00 em centavos

    private long _saldo;
    private readonly List<string> _extrato = [];
    private readonly Dictionary<string, long> _enviadoPorDia = [];

    public void Depositar(long valor)
    {
        if (valor <= 0) throw new OperacaoRecusadaException("valor inválido");
        _saldo += valor;
        _extrato.Add($"+{valor} depósito");
    }

    public void EnviarPix(string chave, long valor, string data)
    {
        if (valor <= 0) throw new OperacaoRecusadaException("valor inválido");
        if (string.IsNullOrWhiteSpace(chave)) throw new OperacaoRecusadaException("chave inválida");
        if (valor > _saldo) throw new OperacaoRecusadaException("saldo insuficiente");
        var enviado = _enviadoPorDia.GetValueOrDefault(data);
        if (enviado + valor > LimiteDiario) throw new OperacaoRecusadaException("limite diário excedido");
        _saldo -= valor;
        _enviadoPorDia[data] = enviado + valor;
        _extrato.Add($"-{valor} Pix para {chave}");
    }

    public long Saldo() => _saldo;

    public IReadOnlyList<string> Extrato() => _extrato.ToList();
}
