public static class Solution
{
    sealed class Invalida : Exception;

    public static long? Avaliar(string expressao)
    {
        var tokens = new List<string>();
        for (var i = 0; i < expressao.Length;)
        {
            var c = expressao[i];
            if (c == ' ') i++;
            else if (char.IsAsciiDigit(c))
            {
                var j = i;
                while (j < expressao.Length && char.IsAsciiDigit(expressao[j])) j++;
                tokens.Add(expressao[i..j]);
                i = j;
            }
            else if ("+-*/()".Contains(c)) { tokens.Add(c.ToString()); i++; }
            else return null;
        }
        var pos = 0;
        string? Olhar() => pos < tokens.Count ? tokens[pos] : null;
        long Expr()
        {
            var v = Termo();
            while (Olhar() is "+" or "-") v = tokens[pos++] == "+" ? v + Termo() : v - Termo();
            return v;
        }
        long Termo()
        {
            var v = Fator();
            while (Olhar() is "*" or "/")
            {
                var op = tokens[pos++];
                var d = Fator();
                if (op == "*") v *= d;
                else v = d == 0 ? throw new Invalida() : v / d;
            }
            return v;
        }
        long Fator()
        {
            var t = Olhar();
            if (t == "-") { pos++; return -Fator(); }
            if (t == "(")
            {
                pos++;
                var v = Expr();
                if (Olhar() != ")") throw new Invalida();
                pos++;
                return v;
            }
            if (t is not null && char.IsAsciiDigit(t[0])) { pos++; return long.Parse(t); }
            throw new Invalida();
        }
        try
        {
            var v = Expr();
            return pos == tokens.Count ? v : null;
        }
        catch (Invalida)
        {
            return null;
        }
    }
}
