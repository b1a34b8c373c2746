using Compila.Judge.Languages;
using Compila.Judge.Sandbox;

namespace Compila.Judge;

/// <summary>The limits of a language's steps: the judge's options, the language's own settings and the adapter's defaults.</summary>
internal sealed class LanguageLimits(JudgeOptions options)
{
    /// <summary>The language's own section of the options, if it has one.</summary>
    public LanguageOptions? Settings(LanguageAdapter adapter) =>
        options.Languages.TryGetValue(adapter.Id, out var settings) ? settings : null;

    /// <summary>The limits of a run step: the request's overrides on the defaults, refused above the maxima.</summary>
    public EffectiveLimits Run(LanguageAdapter adapter, RunLimits? requested)
    {
        var settings = Settings(adapter);
        var defaults = EffectiveLimits.Merge(options.RunDefaults, settings?.RunDefaults, adapter.RunDefaults);
        var maxima = EffectiveLimits.Merge(options.RunMaxima, settings?.RunMaxima, null);
        return EffectiveLimits.Resolve(defaults, maxima, requested);
    }

    public EffectiveLimits Compile(LanguageAdapter adapter) =>
        EffectiveLimits.From(EffectiveLimits.Merge(options.CompileLimits, Settings(adapter)?.CompileLimits, null));
}
