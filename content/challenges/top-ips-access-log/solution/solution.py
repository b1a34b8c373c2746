from collections import Counter


def top_ips(linhas: list[str], n: int) -> list[str]:
    if n <= 0:
        return []
    contagem = Counter(l.split()[0] for l in linhas if l.strip())
    return [ip for ip, _ in sorted(contagem.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]
