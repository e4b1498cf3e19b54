"""Rules against a small model for amount roles, on the dev part of the labelled set only.

    pip install -e '.[bench]' && python bench/money_model.py

The model: logistic regression over the words either side of each amount in its clause (the
same stretch the rules read), the amount's size and whether the money relations made it a part
or a whole; scored by 5-fold cross-validation on the dev labels. The rules are scored on the
same amounts. The sealed part is never read here.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from money_roles import documents, keyed, labels_by_key, rows, sealed  # noqa: E402
from sklearn.feature_extraction.text import CountVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import accuracy_score, f1_score  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402

from archive.corpus import roles  # noqa: E402


def features(text: str, found: list[dict], index: int) -> str:
    places = roles._places(text, found)
    start, end, span = places[index]
    before, after = roles._context(text, found, places, index, start, end, span)
    words = [f"b_{w}" for w in before.lower().split()[-8:]] + [
        f"a_{w}" for w in after.lower().split()[:6]
    ]
    row = found[index]
    words.append(f"size_{int(math.log10(max(row['value'], 1)))}")
    if row.get("part_of") is not None:
        words.append("linked_part")
    if any(r.get("part_of") == index for r in found):
        words.append("linked_whole")
    return " ".join(words)


def main() -> None:
    labels = labels_by_key()
    texts, truth, ruled = [], [], []
    for source, doc_id, text, dollar in documents():
        if sealed(source, doc_id) or source in ("au2", "au3", "au4", "au5"):
            continue  # the dev part only: the sealed parts are for the rules' final figures
        found = rows(text, dollar)
        for n, (count, row) in enumerate(keyed(found[:6] if source == "au" else found)):
            key = (source, doc_id, row["text"], count)
            if key in labels:
                texts.append(features(text, found, n))
                truth.append(labels[key])
                ruled.append(row["role"])
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=22)
    predicted = [""] * len(truth)
    for train, test in folds.split(texts, [t if truth.count(t) >= 5 else "other" for t in truth]):
        model = make_pipeline(
            CountVectorizer(token_pattern=r"\S+", ngram_range=(1, 1)),
            LogisticRegression(max_iter=2000, C=3.0),
        )
        model.fit([texts[i] for i in train], [truth[i] for i in train])
        for i, guess in zip(test, model.predict([texts[i] for i in test])):
            predicted[i] = guess
    print(f"{len(truth)} dev amounts")
    for name, guesses in (("rules", ruled), ("model (5-fold)", predicted)):
        print(
            f"{name:<16} accuracy {accuracy_score(truth, guesses):.3f}  "
            f"macro F1 {f1_score(truth, guesses, average='macro'):.3f}  "
            f"announced F1 {f1_score(truth, guesses, labels=['announced'], average='macro'):.3f}  "
            f"statistic F1 {f1_score(truth, guesses, labels=['statistic'], average='macro'):.3f}"
        )


if __name__ == "__main__":
    main()
