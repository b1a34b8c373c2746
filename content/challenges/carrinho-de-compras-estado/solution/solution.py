import re

ACAO = re.compile(r"(add|remove):([A-Za-z0-9-]+):([1-9][0-9]?)")


def aplicar_acoes(acoes: list[str]) -> dict[str, int]:
    carrinho: dict[str, int] = {}
    for acao in acoes:
        if acao == "clear":
            carrinho.clear()
            continue
        m = ACAO.fullmatch(acao)
        if not m:
            continue
        tipo, sku, qtd = m.group(1), m.group(2), int(m.group(3))
        if tipo == "add":
            carrinho[sku] = carrinho.get(sku, 0) + qtd
        elif sku in carrinho:
            carrinho[sku] -= qtd
            if carrinho[sku] <= 0:
                del carrinho[sku]
    return carrinho
