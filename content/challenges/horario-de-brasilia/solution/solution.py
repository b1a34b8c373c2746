import re
from datetime import datetime, timedelta


def para_brasilia(instante_utc: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", instante_utc):
        return ""
    try:
        t = datetime.strptime(instante_utc, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return ""
    if t.year < 1970:
        return ""
    return (t - timedelta(hours=3)).strftime("%d/%m/%Y %H:%M:%S")
