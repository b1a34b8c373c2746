namespace Compila.Knowledge;

/// <summary>Restricts a search. Null members do not filter.</summary>
/// <param name="Language">One of <see cref="KnowledgeLanguages.All"/>.</param>
/// <param name="Topic">A document topic (exact, lower case).</param>
/// <param name="IncludeGeneral">With a language filter, also accept documents whose language is <c>general</c>
/// (Big-O, git, HTTP...), which is what a tutor opened on a Python challenge wants.</param>
public sealed record SearchFilters(string? Language = null, string? Topic = null, bool IncludeGeneral = false)
{
    internal bool Accepts(string language, string? topic)
    {
        if (Language is not null)
        {
            var wanted = KnowledgeLanguages.Normalize(Language);
            if (language != wanted && !(IncludeGeneral && language == KnowledgeLanguages.General))
                return false;
        }
        return Topic is null || string.Equals(topic, Topic, StringComparison.OrdinalIgnoreCase);
    }
}
