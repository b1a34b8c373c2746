namespace Compila.Web.Features.Challenges.Content;

/// <summary>The <c>Compila:Content</c> section.</summary>
public sealed class ContentOptions
{
    public const string Section = "Compila:Content";

    /// <summary>Folder holding <c>challenges/</c>; defaults to the copy shipped next to the app.</summary>
    public string? Root { get; set; }

    /// <summary>Import challenges into the database when the app starts.</summary>
    public bool ImportOnStart { get; set; } = true;

    public string ResolvedRoot => Path.GetFullPath(string.IsNullOrWhiteSpace(Root) ? Path.Combine(AppContext.BaseDirectory, "content") : Root);
}
