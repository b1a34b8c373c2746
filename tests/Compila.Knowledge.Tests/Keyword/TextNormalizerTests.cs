namespace Compila.Knowledge.Tests.Keyword;

[Trait("Lane", "Fast")]
public class TextNormalizerTests
{
    [Fact]
    public void FoldAccents_RemovesDiacritics() =>
        Assert.Equal("Acao, ordenacao e funcoes sao faceis", TextNormalizer.FoldAccents("Ação, ordenação e funções são fáceis"));

    [Fact]
    public void Terms_LowerCasesFoldsAccentsAndDropsStopwords() =>
        Assert.Equal(["list", "python"], TextNormalizer.Terms("Como são as LISTAS em Python?"));

    [Theory]
    [InlineData("funções", "função")]
    [InlineData("ordenação", "ordenar")]
    [InlineData("ordenando", "ordenado")]
    [InlineData("listas", "lista")]
    [InlineData("testes", "testar")]
    [InlineData("variáveis", "variável")]
    [InlineData("itens", "item")]
    [InlineData("valores", "valor")]
    [InlineData("rapidamente", "rápido")]
    public void Stem_MapsInflectionsToTheSameStem(string left, string right) =>
        Assert.Equal(Stem(right), Stem(left));

    [Theory]
    [InlineData("lista", "listener")]
    [InlineData("ordem", "ordenação")]
    public void Stem_KeepsDifferentWordsApart(string left, string right) =>
        Assert.NotEqual(Stem(right), Stem(left));

    [Theory]
    [InlineData("async em C#", "csharp")]
    [InlineData("ponteiros em C++", "cpp")]
    [InlineData("o .NET 10", "dotnet")]
    [InlineData("servidor Node.js", "nodejs")]
    public void Tokens_KeepProgrammingNames(string text, string expected) =>
        Assert.Contains(expected, TextNormalizer.Tokens(text));

    [Fact]
    public void Terms_KeepNumbersSuchAsStatusCodes() =>
        Assert.Equal(["erro", "404"], TextNormalizer.Terms("erro 404"));

    static string Stem(string word) => TextNormalizer.Stem(TextNormalizer.FoldAccents(word.ToLowerInvariant()));
}
