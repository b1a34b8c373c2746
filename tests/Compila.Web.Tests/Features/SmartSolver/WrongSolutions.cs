namespace Compila.Web.Tests.Features.SmartSolver;

/// <summary>A typical wrong solution of a real catalog challenge, with the line the feedback must blame.</summary>
public sealed record WrongSolution(string Id, string Slug, string Language, string Kind, int FaultLine, string Code)
{
    public override string ToString() => Id;
}

/// <summary>
/// Twenty-four typical mistakes, mostly in python, javascript, java and go (one each in typescript and C#): off-by-one,
/// empty input, wrong type, integer overflow, infinite loop, mutated input, money truncated instead of rounded,
/// shadowing, and a compile error.
/// </summary>
public static class WrongSolutions
{
    public static readonly IReadOnlyList<WrongSolution> All =
    [
        new("py-off-by-one", "media-movel-sensor", "python", "off-by-one", 5, """
            def media_movel(leituras, janela):
                if janela < 1 or janela > len(leituras):
                    return []
                r = []
                for i in range(janela - 1, len(leituras) + 1):
                    soma = 0
                    for j in range(i - janela + 1, i + 1):
                        soma += leituras[j]
                    r.append(soma / janela)
                return r
            """),
        new("py-empty-input", "mediana-de-precos", "python", "empty input", 6, """
            def mediana(precos):
                v = sorted(precos)
                meio = len(v) // 2
                if len(v) % 2 == 1:
                    return v[meio]
                return (v[meio - 1] + v[meio]) / 2
            """),
        new("py-wrong-type", "calculo-imc", "python", "wrong type", 5, """
            def calcular_imc(peso_kg, altura_m):
                if peso_kg <= 0 or altura_m <= 0:
                    return None
                imc = peso_kg / (altura_m * altura_m)
                return f"{imc:.2f}"
            """),
        new("py-infinite-loop", "troco-em-cedulas", "python", "infinite loop", 4, """
            def troco(centavos):
                r = {}
                restante = centavos
                while restante > 0:
                    r["1"] = r.get("1", 0) + 1
                return r
            """),
        new("py-mutated-input", "media-movel-sensor", "python", "mutated input", 7, """
            def media_movel(leituras, janela):
                if janela < 1 or janela > len(leituras):
                    return []
                r = []
                while len(leituras) > janela:
                    r.append(sum(leituras[:janela]) / janela)
                    leituras.pop(0)
                return r
            """),
        new("py-money", "parcelamento-sem-juros", "python", "money rounding", 4, """
            def parcelar(total_centavos, parcelas):
                if parcelas < 1 or parcelas > 24 or total_centavos < 0:
                    return []
                return [int(total_centavos / parcelas)] * parcelas
            """),
        new("js-off-by-one", "parcelamento-sem-juros", "javascript", "off-by-one", 6, """
            function parcelar(totalCentavos, parcelas) {
              if (parcelas < 1 || parcelas > 24 || totalCentavos < 0) return [];
              const base = Math.floor(totalCentavos / parcelas);
              const sobra = totalCentavos % parcelas;
              const r = new Array(parcelas).fill(base);
              for (let i = 0; i <= sobra; i++) r[i] += 1;
              return r;
            }
            """),
        new("js-empty-input", "top-ips-access-log", "javascript", "empty input", 3, """
            function topIps(linhas, n) {
              if (n <= 0) return [];
              const primeiro = linhas[0].split(" ")[0];
              const contagem = new Map([[primeiro, 0]]);
              for (const linha of linhas) {
                if (!linha.trim()) continue;
                const ip = linha.split(" ")[0];
                contagem.set(ip, (contagem.get(ip) || 0) + 1);
              }
              return [...contagem.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(e => e[0]);
            }
            """),
        new("js-wrong-type", "calculo-imc", "javascript", "wrong type", 6, """
            function calcularImc(pesoKg, alturaM) {
              if (pesoKg <= 0 || alturaM <= 0) {
                return null;
              }
              const imc = pesoKg / (alturaM * alturaM);
              return imc.toFixed(2);
            }
            """),
        new("js-money", "formatar-reais", "javascript", "money rounding", 2, """
            function formatarReais(centavos) {
              const reais = Math.floor(centavos / 100);
              const resto = Math.abs(centavos % 100);
              const texto = String(reais).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
              return "R$ " + texto + "," + String(resto).padStart(2, "0");
            }
            """),
        new("js-infinite-loop", "troco-em-cedulas", "javascript", "infinite loop", 6, """
            function troco(centavos) {
              const valores = [20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 25, 10, 5, 1];
              const r = {};
              let restante = centavos;
              let i = 0;
              while (restante > 0) {
                const v = valores[i];
                if (restante >= v) {
                  r[String(v)] = (r[String(v)] || 0) + 1;
                  restante -= v;
                }
              }
              return r;
            }
            """),
        new("js-mutated-input", "media-movel-sensor", "javascript", "mutated input", 7, """
            function mediaMovel(leituras, janela) {
              if (janela < 1 || janela > leituras.length) return [];
              const r = [];
              while (leituras.length > janela) {
                const soma = leituras.slice(0, janela).reduce((a, b) => a + b, 0);
                r.push(soma / janela);
                leituras.shift();
              }
              return r;
            }
            """),
        new("java-off-by-one", "media-movel-sensor", "java", "off-by-one", 7, """
            import java.util.*;

            class Solution {
                static List<Double> mediaMovel(List<Double> leituras, long janela) {
                    List<Double> r = new ArrayList<>();
                    if (janela < 1 || janela > leituras.size()) return r;
                    for (int i = (int) janela - 1; i <= leituras.size(); i++) {
                        double soma = 0;
                        for (int j = i - (int) janela + 1; j <= i; j++) {
                            soma += leituras.get(j);
                        }
                        r.add(soma / janela);
                    }
                    return r;
                }
            }
            """),
        new("java-empty-input", "mediana-de-precos", "java", "empty input", 9, """
            import java.util.*;

            class Solution {
                static Double mediana(List<Double> precos) {
                    List<Double> v = new ArrayList<>(precos);
                    Collections.sort(v);
                    int meio = v.size() / 2;
                    if (v.size() % 2 == 1) return v.get(meio);
                    return (v.get(meio - 1) + v.get(meio)) / 2;
                }
            }
            """),
        new("java-overflow", "validar-cpf", "java", "integer overflow", 5, """
            class Solution {
                static boolean validarCpf(String cpf) {
                    String digitos = cpf.replace(".", "").replace("-", "");
                    if (digitos.length() != 11) return false;
                    long numero = Integer.parseInt(digitos);
                    if (numero % 11111111111L == 0) return false;
                    int soma = 0;
                    for (int i = 0; i < 9; i++) soma += (digitos.charAt(i) - '0') * (10 - i);
                    int d1 = soma * 10 % 11 % 10;
                    soma = 0;
                    for (int i = 0; i < 10; i++) soma += (digitos.charAt(i) - '0') * (11 - i);
                    int d2 = soma * 10 % 11 % 10;
                    return d1 == digitos.charAt(9) - '0' && d2 == digitos.charAt(10) - '0';
                }
            }
            """),
        new("java-mutated-input", "media-movel-sensor", "java", "mutated input", 11, """
            import java.util.*;

            class Solution {
                static List<Double> mediaMovel(List<Double> leituras, long janela) {
                    List<Double> r = new ArrayList<>();
                    if (janela < 1 || janela > leituras.size()) return r;
                    while (leituras.size() > janela) {
                        double soma = 0;
                        for (long i = 0; i < janela; i++) soma += leituras.get((int) i);
                        r.add(soma / janela);
                        leituras.remove(0);
                    }
                    return r;
                }
            }
            """),
        new("java-money", "parcelamento-sem-juros", "java", "money rounding", 9, """
            import java.util.*;

            class Solution {
                static List<Long> parcelar(long totalCentavos, long parcelas) {
                    List<Long> r = new ArrayList<>();
                    if (parcelas < 1 || parcelas > 24 || totalCentavos < 0) return r;
                    double valor = (double) totalCentavos / parcelas;
                    for (long i = 0; i < parcelas; i++) {
                        r.add((long) valor);
                    }
                    return r;
                }
            }
            """),
        new("go-off-by-one", "media-movel-sensor", "go", "off-by-one", 9, """
            package main

            func mediaMovel(leituras []float64, janela int64) []float64 {
            	r := []float64{}
            	k := int(janela)
            	if k < 1 || k > len(leituras) {
            		return r
            	}
            	for i := k - 1; i <= len(leituras); i++ {
            		soma := 0.0
            		for j := i - k + 1; j <= i; j++ {
            			soma += leituras[j]
            		}
            		r = append(r, soma/float64(k))
            	}
            	return r
            }
            """),
        new("go-empty-input", "mediana-de-precos", "go", "empty input", 9, """
            package main

            import "sort"

            func mediana(precos []float64) *float64 {
            	v := append([]float64{}, precos...)
            	sort.Float64s(v)
            	meio := len(v) / 2
            	r := v[meio]
            	if len(v)%2 == 0 {
            		r = (v[meio-1] + v[meio]) / 2
            	}
            	return &r
            }
            """),
        new("go-compile-unused", "parcelamento-sem-juros", "go", "compile error", 5, """
            package main

            func parcelar(totalCentavos int64, parcelas int64) []int64 {
            	r := []int64{}
            	sobra := totalCentavos % 7
            	if parcelas < 1 || parcelas > 24 || totalCentavos < 0 {
            		return r
            	}
            	for i := int64(0); i < parcelas; i++ {
            		r = append(r, totalCentavos/parcelas)
            	}
            	return r
            }
            """),
        new("go-money", "parcelamento-sem-juros", "go", "money rounding", 10, """
            package main

            func parcelar(totalCentavos int64, parcelas int64) []int64 {
            	r := []int64{}
            	if parcelas < 1 || parcelas > 24 || totalCentavos < 0 {
            		return r
            	}
            	valor := float64(totalCentavos) / float64(parcelas)
            	for i := int64(0); i < parcelas; i++ {
            		r = append(r, int64(valor))
            	}
            	return r
            }
            """),
        new("go-shadowing", "calculo-imc", "go", "shadowing", 6, """
            package main

            func calcularImc(pesoKg float64, alturaM float64) *float64 {
            	var imc float64
            	if pesoKg > 0 && alturaM > 0 {
            		imc := pesoKg / (alturaM * alturaM)
            		if imc < 0 {
            			return nil
            		}
            	}
            	if imc == 0 {
            		return nil
            	}
            	return &imc
            }
            """),
        new("ts-off-by-one", "parcelamento-sem-juros", "typescript", "off-by-one", 6, """
            function parcelar(totalCentavos: number, parcelas: number): number[] {
              if (parcelas < 1 || parcelas > 24 || totalCentavos < 0) return [];
              const base = Math.floor(totalCentavos / parcelas);
              const sobra = totalCentavos % parcelas;
              const r: number[] = new Array(parcelas).fill(base);
              for (let i = 0; i <= sobra; i++) r[i] += 1;
              return r;
            }
            """),
        new("cs-money", "parcelamento-sem-juros", "csharp", "money rounding", 10, """
            public static class Solution
            {
                public static List<long> Parcelar(long totalCentavos, long parcelas)
                {
                    if (parcelas < 1 || parcelas > 24 || totalCentavos < 0) return [];
                    double valor = (double)totalCentavos / parcelas;
                    var r = new List<long>();
                    for (var i = 0; i < parcelas; i++)
                    {
                        r.Add((long)valor);
                    }
                    return r;
                }
            }
            """),
    ];
}
