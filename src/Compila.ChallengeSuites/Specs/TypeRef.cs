namespace Compila.ChallengeSuites.Specs;

/// <summary>The kinds of value a function-style challenge can take and return.</summary>
public enum TypeKind
{
    /// <summary>A 64-bit signed integer.</summary>
    Int,
    /// <summary>A double-precision float.</summary>
    Float,
    Bool,
    String,
    List,
    /// <summary>A map with string keys.</summary>
    Map,
    /// <summary>A value that may be null.</summary>
    Optional,
}

/// <summary>
/// A type of the language-neutral signature: <c>int</c>, <c>float</c>, <c>bool</c>, <c>string</c>,
/// <c>list&lt;T&gt;</c>, <c>map&lt;string,T&gt;</c>, <c>optional&lt;T&gt;</c>.
/// </summary>
public sealed record TypeRef(TypeKind Kind, TypeRef? Element = null)
{
    public static readonly TypeRef Int = new(TypeKind.Int);
    public static readonly TypeRef Float = new(TypeKind.Float);
    public static readonly TypeRef Bool = new(TypeKind.Bool);
    public static readonly TypeRef String = new(TypeKind.String);

    public static TypeRef ListOf(TypeRef element) => new(TypeKind.List, element);
    public static TypeRef MapOf(TypeRef value) => new(TypeKind.Map, value);
    public static TypeRef OptionalOf(TypeRef value) => new(TypeKind.Optional, value);

    /// <summary>The element type of a list, the value type of a map, the inner type of an optional.</summary>
    public TypeRef Inner => Element ?? throw new InvalidOperationException($"{Kind} has no inner type.");

    public override string ToString() => Kind switch
    {
        TypeKind.Int => "int",
        TypeKind.Float => "float",
        TypeKind.Bool => "bool",
        TypeKind.String => "string",
        TypeKind.List => $"list<{Inner}>",
        TypeKind.Map => $"map<string,{Inner}>",
        TypeKind.Optional => $"optional<{Inner}>",
        _ => Kind.ToString(),
    };

    /// <summary>Parses a type written in content; returns null and an error message when it is not one.</summary>
    public static TypeRef? TryParse(string text, out string? error)
    {
        var position = 0;
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var result = ParseAt(compact, ref position, out error);
        if (result is not null && position != compact.Length)
        {
            error = $"tipo inválido '{text}': texto sobrando depois de '{compact[..position]}'";
            return null;
        }
        if (result is null)
        {
            error = $"tipo desconhecido '{text}' ({error}); use int, float, bool, string, list<T>, map<string,T> ou optional<T>";
        }
        return result;
    }

    static TypeRef? ParseAt(string text, ref int position, out string? error)
    {
        error = null;
        var start = position;
        while (position < text.Length && char.IsLetter(text[position]))
        {
            position++;
        }
        var name = text[start..position];
        TypeRef? simple = name switch
        {
            "int" => Int,
            "float" => Float,
            "bool" => Bool,
            "string" => String,
            _ => null,
        };
        if (simple is not null)
        {
            return simple;
        }
        if (name is not ("list" or "map" or "optional"))
        {
            error = name.Length == 0 ? "nome de tipo ausente" : $"'{name}' não é um tipo";
            return null;
        }
        if (!Expect(text, ref position, '<', out error))
        {
            return null;
        }
        if (name == "map")
        {
            if (!text[position..].StartsWith("string,", StringComparison.Ordinal))
            {
                error = "map precisa de chaves string: map<string,T>";
                return null;
            }
            position += "string,".Length;
        }
        var inner = ParseAt(text, ref position, out error);
        if (inner is null || !Expect(text, ref position, '>', out error))
        {
            return null;
        }
        if (name == "optional" && inner.Kind == TypeKind.Optional)
        {
            error = "optional<optional<T>> não é permitido";
            return null;
        }
        return name switch
        {
            "list" => ListOf(inner),
            "map" => MapOf(inner),
            _ => OptionalOf(inner),
        };
    }

    static bool Expect(string text, ref int position, char c, out string? error)
    {
        if (position < text.Length && text[position] == c)
        {
            position++;
            error = null;
            return true;
        }
        error = $"esperava '{c}' na posição {position + 1}";
        return false;
    }
}
