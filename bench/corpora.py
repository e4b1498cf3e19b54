"""Make benchmark corpora as real corpus folders: seeded synthetic ones, and the AU PM releases."""

from __future__ import annotations

import itertools
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

# ../shared beside the checkout; a worktree one level deeper finds it beside its parent.
REAL_CORPUS = next(
    (
        p / "shared" / "corpora" / "au-pm-media-releases.jsonl"
        for p in Path(__file__).resolve().parents[1:]
        if (p / "shared" / "corpora").is_dir()
    ),
    Path("../shared/corpora/au-pm-media-releases.jsonl"),
)
REAL_ATTRIBUTION = (
    "Source: Licensed from the Commonwealth of Australia under a Creative Commons Attribution 3.0 "
    "Australia Licence. The Commonwealth of Australia does not necessarily endorse the content of "
    "this publication."
)

# Common policy words sit at the head of the Zipf curve, so queries on them behave like real ones.
POLICY_WORDS = """
funding government million council care social school children health services local national
programme scheme grant investment support minister department announced new public housing
community education training workers families transport research innovation hospital young
people plan review pilot centre fund budget infrastructure rural urban energy climate digital
skills employment apprenticeship police justice prison court defence veterans culture sport
arts heritage libraries roads rail bus cycling flood water waste recycling environment nature
farming fisheries food science technology universities colleges teachers nurses doctors mental
wellbeing disability carers pensions benefits welfare poverty homelessness refugees regional
growth enterprise business exports trade tourism coastal towns cities devolution mayor
""".split()
SYLLABLES = (
    "ba be bi bo bu ca ce co cu da de di do fa fe fi fo ga ge go ha he hi ho la le li lo lu "
    "ma me mi mo mu na ne ni no pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi "
    "vo wa we wi za zo ar en in on er an or el al is us um ex".split()
)
DEPARTMENT_NAMES = [
    ("dfes", "Department for Education and Skills", "DfES"),
    ("dcsf", "Department for Children, Schools and Families", "DCSF"),
    ("dfe", "Department for Education", "DfE"),
    ("dh", "Department of Health", "DH"),
    ("dhsc", "Department of Health and Social Care", "DHSC"),
    ("hm-treasury", "HM Treasury", "HMT"),
    ("dclg", "Department for Communities and Local Government", "DCLG"),
    ("mhclg", "Ministry of Housing, Communities and Local Government", "MHCLG"),
    ("dluhc", "Department for Levelling Up, Housing and Communities", "DLUHC"),
    ("dft", "Department for Transport", "DfT"),
    ("defra", "Department for Environment, Food and Rural Affairs", "Defra"),
    ("decc", "Department of Energy and Climate Change", "DECC"),
    ("beis", "Department for Business, Energy and Industrial Strategy", "BEIS"),
    ("desnz", "Department for Energy Security and Net Zero", "DESNZ"),
    ("dcms", "Department for Culture, Media and Sport", "DCMS"),
    ("home-office", "Home Office", "HO"),
    ("moj", "Ministry of Justice", "MoJ"),
    ("mod", "Ministry of Defence", "MoD"),
    ("dwp", "Department for Work and Pensions", "DWP"),
    ("cabinet-office", "Cabinet Office", "CO"),
    ("fcdo", "Foreign, Commonwealth and Development Office", "FCDO"),
    ("dsit", "Department for Science, Innovation and Technology", "DSIT"),
]
CHAINS = {
    "dcsf": "dfes",
    "dfe": "dcsf",
    "dhsc": "dh",
    "mhclg": "dclg",
    "beis": "decc",
    "desnz": "beis",
}
SCALES = [
    (1_000, 900_000, "£{:,}"),
    (1, 9, "£{}m"),
    (10, 99, "£{}m"),
    (100, 950, "£{}m"),
    (1, 9, "£{}bn"),
]


@dataclass
class Vocabulary:
    words: list[str]
    cumulative: list[float]

    @classmethod
    def zipf(cls, rng: random.Random, size: int = 30_000, exponent: float = 1.05) -> Vocabulary:
        """Make a vocabulary whose k-th word has frequency proportional to 1 / k**exponent."""
        made: set[str] = set(POLICY_WORDS)
        words = list(POLICY_WORDS)
        while len(words) < size:
            word = "".join(rng.choices(SYLLABLES, k=rng.choice((2, 3, 3, 4))))
            if word not in made:
                made.add(word)
                words.append(word)
        weights = [1 / (k + 1) ** exponent for k in range(size)]
        return cls(words, list(itertools.accumulate(weights)))

    def sample(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=k)

    def rank(self, low: int, high: int, rng: random.Random) -> str:
        return self.words[rng.randrange(low, high)]


def registries(rng: random.Random) -> tuple[dict, dict]:
    """Make department and programme registries with predecessor chains."""
    departments: dict[str, dict] = {}
    for key, name, short in DEPARTMENT_NAMES:
        departments[key] = {"name": name, "short": short, "aliases": [name, short]}
    for key, predecessor in CHAINS.items():
        departments[key]["predecessors"] = [predecessor]
        departments[predecessor]["successor"] = key
    programmes = {}
    for n in range(60):
        words = [rng.choice(POLICY_WORDS) for _ in range(2)]
        key = f"{words[0]}-{words[1]}-{n}"
        programmes[key] = {
            "name": f"{words[0].title()} {words[1]} programme {n}",
            "department": rng.choice(DEPARTMENT_NAMES)[0],
        }
    return departments, programmes


def write_registries(corpus: Path, departments: dict, programmes: dict) -> None:
    (corpus / "departments.yaml").write_text(yaml.safe_dump(departments, sort_keys=True), "utf-8")
    (corpus / "programmes.yaml").write_text(yaml.safe_dump(programmes, sort_keys=True), "utf-8")


def synthetic(target: Path, n: int, seed: int = 5, words: int = 400) -> Path:
    """Write n seeded news-like documents of about `words` words and registries to target/corpus."""
    rng = random.Random(seed)
    corpus = target / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    vocabulary = Vocabulary.zipf(rng)
    departments, programmes = registries(rng)
    write_registries(corpus, departments, programmes)
    department_keys = list(departments)
    programme_keys = list(programmes)
    for number in range(n):
        path, text = synthetic_document(
            rng, vocabulary, department_keys, programme_keys, number, words
        )
        (corpus / path).write_text(text, "utf-8")
    return corpus


def synthetic_document(
    rng: random.Random,
    vocabulary: Vocabulary,
    departments: list[str],
    programmes: list[str],
    number: int,
    words: int,
) -> tuple[str, str]:
    """Return the file name and text of one synthetic document."""
    year = rng.randint(2000, 2024)
    precision = rng.random()
    date = (
        f"{year}"
        if precision < 0.05
        else f"{year}-{rng.randint(1, 12):02d}"
        if precision < 0.15
        else f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    )
    title_words = vocabulary.sample(rng, rng.randint(5, 10))
    title = " ".join(title_words).capitalize()
    depts = rng.sample(departments, rng.choice((0, 1, 1, 1, 2, 2, 3)))
    progs = rng.sample(programmes, rng.choice((0, 0, 1, 1, 2)))
    body_words = vocabulary.sample(rng, words)
    amounts = [_amount(rng) for _ in range(rng.choice((0, 1, 2, 2, 3, 4, 5)))]
    paragraphs, sentence = [], []
    for word in body_words:
        sentence.append(word)
        if len(sentence) >= rng.randint(12, 25):
            if amounts and rng.random() < 0.3:
                sentence += ["with", amounts.pop(), "for", rng.choice(POLICY_WORDS)]
            paragraphs.append(" ".join(sentence).capitalize() + ".")
            sentence = []
    paragraphs.append((" ".join(sentence) or "and more").capitalize() + ".")
    for amount in amounts:  # any left over go in a last sentence
        paragraphs.append(f"The department also confirmed {amount} for {rng.choice(POLICY_WORDS)}.")
    grouped = ["\n".join(paragraphs[i : i + 4]) for i in range(0, len(paragraphs), 4)]
    front = {
        "title": title,
        "date": date,
        "source": rng.choice(("Gov News", "Community Care", "Local Gov", "The Paper")),
        "type": "news",
        "departments": depts,
        "programmes": progs,
    }
    slug = "-".join(title_words[:5]).lower()
    name = f"{date}-{slug}-{number}.md"
    return name, "---\n" + yaml.safe_dump(
        front, sort_keys=False, allow_unicode=True
    ) + "---\n\n" + "\n\n".join(grouped) + "\n"


def _amount(rng: random.Random) -> str:
    low, high, template = rng.choice(SCALES)
    value = rng.randint(low, high)
    if template.startswith("£{:,}"):
        value = value // 1000 * 1000
    return template.format(value)


def real(target: Path, source: Path = REAL_CORPUS, limit: int | None = None) -> Path:
    """Write the AU PM media releases as corpus files (AUD, department pmc) into target/corpus."""
    corpus = target / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    departments = {
        "pmc": {
            "name": "Department of the Prime Minister and Cabinet",
            "short": "PM&C",
            "aliases": ["PM&C", "PMC"],
        }
    }
    write_registries(corpus, departments, {})
    with open(source, encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if limit is not None and n >= limit:
                break
            record = json.loads(line)
            slug = "-".join(re.findall(r"[a-z0-9]+", record["title"].lower())[:8]) or "release"
            date = record["date"][:10]
            front = {
                "title": " ".join(record["title"].split()) or "Untitled",
                "date": date,
                "source": "PM Transcripts",
                "url": record["pdf_url"],
                "type": "media release",
                "departments": ["pmc"],
                "currency": "AUD",
                "organisations": [record["prime_minister"]],
            }
            text = (
                "---\n"
                + yaml.safe_dump(front, sort_keys=False, allow_unicode=True)
                + "---\n\n"
                + record["text"]
                + "\n"
            )
            (corpus / f"{date}-{slug}-{record['id']}.md").write_text(text, "utf-8")
    return corpus


def queries(corpus: Path, count: int = 300, seed: int = 7) -> list[str]:
    """Pick a fixed mix of queries: common and rare words, two and three words, phrases, none."""
    rng = random.Random(seed)
    files = sorted(p for p in corpus.glob("*.md") if not p.stem.isupper())
    sample = [
        f.read_text("utf-8").split("---", 2)[2] for f in rng.sample(files, min(200, len(files)))
    ]
    texts = [re.findall(r"[a-z]{3,}", body.lower()) for body in sample]
    frequency: dict[str, int] = {}
    for words in texts:
        for word in set(words):
            frequency[word] = frequency.get(word, 0) + 1
    ranked = sorted(frequency, key=lambda w: (-frequency[w], w))
    ranked = [w for w in ranked if w not in STOP]
    common, middle, rare = ranked[:60], ranked[60:600], ranked[-2000:] or ranked
    made: list[str] = []
    kinds = itertools.cycle(("common", "rare", "two", "three", "phrase", "middle", "none", "two"))
    while len(made) < count:
        kind = next(kinds)
        if kind == "common":
            made.append(rng.choice(common))
        elif kind == "rare":
            made.append(rng.choice(rare))
        elif kind == "middle":
            made.append(rng.choice(middle))
        elif kind in ("two", "three"):
            made.append(
                " ".join(rng.choice(common + middle) for _ in range(2 if kind == "two" else 3))
            )
        elif kind == "phrase":
            words = rng.choice([w for w in texts if len(w) > 10])
            start = rng.randrange(len(words) - 2)
            made.append('"' + " ".join(words[start : start + 2]) + '"')
        else:
            made.append("")
    return made


def long_queries(corpus: Path, count: int = 60, seed: int = 13) -> list[str]:
    """Pick natural queries of 8 to 15 words, as typed: runs of a document's words, lower-cased."""
    rng = random.Random(seed)
    files = sorted(p for p in corpus.glob("*.md") if not p.stem.isupper())
    made: list[str] = []
    for path in rng.sample(files, min(count * 2, len(files))):
        words = re.findall(r"[a-z]+", path.read_text("utf-8").split("---", 2)[2].lower())
        length = rng.randint(8, 15)
        if len(words) > length:
            start = rng.randrange(len(words) - length)
            made.append(" ".join(words[start : start + length]))
        if len(made) == count:
            break
    return made


STOP = {
    "the",
    "and",
    "for",
    "are",
    "with",
    "that",
    "this",
    "from",
    "will",
    "has",
    "have",
    "was",
    "were",
    "not",
    "but",
    "his",
    "her",
    "its",
    "our",
    "you",
    "all",
    "can",
    "been",
    "which",
    "their",
    "they",
    "who",
    "also",
    "into",
    "than",
    "more",
    "any",
    "may",
    "would",
    "should",
    "there",
    "these",
    "those",
    "such",
    "when",
    "what",
    "about",
    "other",
    "some",
    "them",
    "then",
    "only",
    "over",
    "said",
    "one",
    "two",
    "new",
    "out",
    "had",
    "being",
}


def main() -> None:
    """Write the corpora the command line names (synthetic sizes and/or `real`) under a folder."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--out", type=Path, default=Path("/tmp/bench"))
    parser.add_argument("names", nargs="+", help="a size such as 10000, or real")
    args = parser.parse_args()
    for name in args.names:
        target = args.out / ("real" if name == "real" else f"synthetic-{name}")
        if (target / "corpus").exists():
            print(f"{target}: exists, kept")
            continue
        real(target) if name == "real" else synthetic(target, int(name))
        print(f"{target}: written")


if __name__ == "__main__":
    main()
