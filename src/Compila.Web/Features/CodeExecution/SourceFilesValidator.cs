using Compila.Judge;
using Compila.Web.Infrastructure.Errors;

namespace Compila.Web.Features.CodeExecution;

/// <summary>
/// The learner's code, sent as one <c>code</c> string or as a list of <c>files</c>: one set of rules (pt-BR messages)
/// for running it (<c>POST /v1/code/execute</c>) and for submitting it.
/// </summary>
public static class SourceFilesValidator
{
    public const int MaxCodeChars = 64 * 1024;
    public const int MaxFiles = 20;
    public const int MaxTotalChars = 256 * 1024;

    /// <summary>The files to run (<paramref name="code"/> becomes one file named <paramref name="codePath"/>); problems go to <paramref name="errors"/>.</summary>
    public static List<SourceFile> Validate(string? code, IReadOnlyList<CodeFileInput>? files, string codePath, ValidationErrors errors)
    {
        if (files is { Count: > 0 })
        {
            if (code is not null)
            {
                errors.Add("code", "Envie 'code' ou 'files', não os dois.");
            }

            return ValidateFiles(files, errors);
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add("code", "Envie o código.");
            return [];
        }

        if (CheckContent(code) is { } problem)
        {
            errors.Add("code", problem);
            return [];
        }

        return [new SourceFile(codePath, code)];
    }

    static List<SourceFile> ValidateFiles(IReadOnlyList<CodeFileInput> files, ValidationErrors errors)
    {
        if (files.Count > MaxFiles)
        {
            errors.Add("files", $"Envie no máximo {MaxFiles} arquivos.");
        }

        var valid = new List<SourceFile>();
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i] is not { } file)
            {
                errors.Add($"files[{i}]", "Informe o arquivo: um objeto com 'path' e 'content'.");
                continue;
            }

            var (path, content) = (file.Path, file.Content);
            if (!SourcePaths.IsSafe(path))
            {
                errors.Add($"files[{i}].path", "Caminho inválido: use um caminho relativo simples, como 'src/main.py'.");
            }

            // An empty file is fine (a Python package's __init__.py); a missing one is not.
            if (content is null)
            {
                errors.Add($"files[{i}].content", "Informe o conteúdo do arquivo.");
            }
            else if (CheckContent(content) is { } problem)
            {
                errors.Add($"files[{i}].content", problem);
            }
            else
            {
                valid.Add(new SourceFile(path ?? "", content));
            }
        }

        if (valid.Sum(f => f.Content.Length) > MaxTotalChars)
        {
            errors.Add("files", $"O total dos arquivos passa de {MaxTotalChars / 1024} KB.");
        }

        if (valid.Select(f => f.Path).Distinct(StringComparer.Ordinal).Count() != valid.Count)
        {
            errors.Add("files", "Há arquivos com o mesmo caminho.");
        }

        return valid;
    }

    static string? CheckContent(string content) =>
        content.Length > MaxCodeChars ? $"O código passa de {MaxCodeChars / 1024} KB."
        : content.Contains('\0') ? "O código contém caracteres inválidos."
        : null;
}
