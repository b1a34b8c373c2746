var saida = new System.Text.StringBuilder();
long saldo = 0;
var n = 0;
string? linha;
while ((linha = Console.ReadLine()) is not null)
{
    var partes = linha.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    if (partes.Length == 0) continue;
    n++;
    var valor = long.Parse(partes[1]);
    if (partes[0] == "C") saldo += valor;
    else
    {
        saldo -= valor;
        if (saldo < 0) saida.Append($"ALERTA {n}\n");
    }
}
saida.Append($"SALDO {saldo}\n");
Console.Write(saida);
