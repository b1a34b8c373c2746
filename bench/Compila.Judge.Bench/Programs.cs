namespace Compila.Judge.Bench;

/// <summary>A hello world and a CPU-bound program (count primes below 300 000 by trial division) per language.</summary>
internal sealed record BenchProgram(string Language, string File, bool Compiled, string Hello, string CpuBound);

internal static class Programs
{
    public static readonly BenchProgram[] All =
    [
        new("python", "main.py", false,
            "print('Olá, ação ✓')\n",
            "n = 0\nfor i in range(2, 300000):\n    d = 2\n    while d * d <= i and i % d:\n        d += 1\n    n += d * d > i\nprint(n)\n"),
        new("javascript", "main.js", false,
            "console.log('Olá, ação ✓');\n",
            "let n = 0;\nfor (let i = 2; i < 300000; i++) { let d = 2; while (d * d <= i && i % d) d++; if (d * d > i) n++; }\nconsole.log(n);\n"),
        new("typescript", "main.ts", true,
            "const greeting: string = 'Olá, ação ✓';\nconsole.log(greeting);\n",
            "let n: number = 0;\nfor (let i = 2; i < 300000; i++) { let d = 2; while (d * d <= i && i % d) d++; if (d * d > i) n++; }\nconsole.log(n);\n"),
        new("java", "Main.java", true,
            "public class Main { public static void main(String[] a) { System.out.println(\"Olá, ação ✓\"); } }\n",
            "public class Main { public static void main(String[] a) { int n = 0; for (int i = 2; i < 300000; i++) { int d = 2; while (d * d <= i && i % d != 0) d++; if (d * d > i) n++; } System.out.println(n); } }\n"),
        new("go", "main.go", true,
            "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"Olá, ação ✓\") }\n",
            "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tn := 0\n\tfor i := 2; i < 300000; i++ {\n\t\td := 2\n\t\tfor d*d <= i && i%d != 0 {\n\t\t\td++\n\t\t}\n\t\tif d*d > i {\n\t\t\tn++\n\t\t}\n\t}\n\tfmt.Println(n)\n}\n"),
        new("csharp", "Program.cs", true,
            "Console.WriteLine(\"Olá, ação ✓\");\n",
            "var n = 0;\nfor (var i = 2; i < 300000; i++) { var d = 2; while (d * d <= i && i % d != 0) d++; if (d * d > i) n++; }\nConsole.WriteLine(n);\n"),
    ];
}
