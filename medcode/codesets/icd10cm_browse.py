"""Browsing ICD-10-CM the way the lesson shows it: chapters, counts, a code's anatomy."""

from __future__ import annotations

from medcode.codesets import icd10cm


def chapters() -> list[dict]:
    """The 22 chapters in tabular order with their code range and billable-code count."""
    db = icd10cm._db()
    rows = db.execute("SELECT code, description FROM items WHERE kind='chapter' ORDER BY ord").fetchall()
    out = []
    for code, description in rows:
        title, _, rng = description.rpartition(" (")
        first, _, last = rng.rstrip(")").partition("-")
        count = db.execute("SELECT count(*) FROM items WHERE billable=1 AND substr(code,1,3) BETWEEN ? AND ?",
                           (first, last)).fetchone()[0]
        out.append({"chapter": int(code), "range": f"{first}-{last}", "title": title, "billable_codes": count})
    return out


def anatomy(code: str) -> list[dict]:
    """Each character of a code with what it adds, from the category down."""
    record = icd10cm.get(code)
    flat = record.code.replace(".", "")
    levels = {p[0].replace(".", ""): p for p in record.parents}
    levels[flat] = (record.code, record.description)
    rows = [{"characters": flat[:3], "level": "category", "code": flat[:3],
             "meaning": levels.get(flat[:3], ("", ""))[1]}]
    sevenths = record.notes_of("seventh_character")
    for n in range(4, len(flat) + 1):
        part, char = flat[:n], flat[n - 1]
        if n == 7 and sevenths:
            level = "7th character"
            meaning = next((s.text for s in sevenths if s.text.startswith(char + ":")), record.description)
        elif char == "X":
            level, meaning = "placeholder", "placeholder X: holds a place so the 7th character stays 7th"
        else:
            level = "code" if part == flat else "subcategory"
            meaning = levels.get(part, ("", ""))[1]
        rows.append({"characters": char, "level": level, "code": icd10cm.normalize(part), "meaning": meaning})
    return rows
