import sys

saldo = 0
n = 0
for linha in sys.stdin.read().split("\n"):
    partes = linha.split()
    if not partes:
        continue
    n += 1
    valor = int(partes[1])
    if partes[0] == "C":
        saldo += valor
    else:
        saldo -= valor
        if saldo < 0:
            print(f"ALERTA {n}")
print(f"SALDO {saldo}")
