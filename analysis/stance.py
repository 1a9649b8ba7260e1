"""Two stance taggers: a transparent codebook (cue) tagger and a scikit-learn classifier.

``CodebookTagger`` matches the cues of ``data/codebook.yaml`` and returns its evidence: which cue matched
which span, and which matches were switched off by a negator ("no discussions of a handover") or marked as
hedged ("could", "reportedly"). Overlapping cues of one stance count once, the longest match winning.
For speed on large corpora each label's cues are first scanned together over the whole column with Arrow's
RE2 engine (``pyarrow.compute.match_substring_regex``); only the statements that pass are matched cue by cue
in Python to collect evidence.

``StanceClassifier`` is a scikit-learn Pipeline (TF-IDF word and character n-grams into one-vs-rest logistic
regression with balanced class weights). It is retrained from the hand-coded annotations whenever it is
built; no model is ever loaded from disk.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .attribution import resolve_holder
from .codebook import Codebook, Cue, load_codebook

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\bbut\b|\bwhile\b|\bwhereas\b|\bhowever\b", re.IGNORECASE)
_SIDE_IN_SPAN = [
    ("japan", re.compile(r"\b(?:japan|japanese|tokyo)", re.IGNORECASE)),
    ("russia", re.compile(r"\b(?:russia|russian|moscow|soviet|ussr|kremlin)", re.IGNORECASE)),
]


@dataclass(frozen=True)
class Evidence:
    label: str
    cue: str
    start: int
    end: int
    text: str
    negated: bool = False
    hedged: bool = False

    def __str__(self) -> str:
        flag = " (hedged)" if self.hedged else ""
        return f"{self.label}:{self.cue}@{self.start}-{self.end}:'{self.text}'{flag}"


_QUOTE_MARKS = str.maketrans({"’": "'", "‘": "'", "“": " ", "”": " ", '"': " ", "«": " ", "»": " "})


def _normalise(text) -> str:
    """Straight apostrophes, and quote marks as spaces, so "the \"return\" of the islands" matches the
    same cue as the return of the islands. Every replacement keeps the length: evidence offsets still fit."""
    return str(text).translate(_QUOTE_MARKS)


def _word_pattern(words) -> re.Pattern | None:
    parts = []
    for word in words:
        parts.append(rf"\b{word}\b" if word[:1].isalnum() and word[-1:].isalnum() else word)
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def _re2_ready(pattern: str) -> bool:
    """Whether Arrow's RE2 engine accepts a cue (no look-arounds or back-references)."""
    try:
        pc.match_substring_regex(pa.array(["x"]), pattern, ignore_case=True)
        return True
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return False


class CodebookTagger:
    """Tags statements with the codebook's stances and frames, keeping the evidence."""

    name = "codebook"

    def __init__(self, codebook: Codebook | None = None):
        self.codebook = codebook or load_codebook()
        self._negators = _word_pattern(self.codebook.negators)
        self._hedges = _word_pattern(self.codebook.hedges)
        self._cancels = _word_pattern(self.codebook.cancels)
        self._stance_ids = set(self.codebook.stance_ids)
        self._prefilter = {}
        for kind in ("stances", "frames"):
            for label in getattr(self.codebook, kind):
                patterns = [c.pattern for c in label.cues]
                union = "|".join(f"(?:{p})" for p in patterns)
                self._prefilter[label.id] = union if patterns and _re2_ready(union) else None

    # -- one statement -----------------------------------------------------------------------------------
    def _scope(self, text: str, start: int) -> str:
        """The words before a match that a negator or hedge must stand in: same clause, last N words."""
        before = text[:start]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        if breaks:
            before = before[breaks[-1].end():]
        words = before.split()
        scope = " ".join(words[-self.codebook.negation_window:]) if self.codebook.negation_window else ""
        return self._cancels.sub(" ", scope) if self._cancels else scope

    def match_cue(self, cue: Cue, text: str) -> list[Evidence]:
        """Matches of one cue; a negator only switches off stance cues (a frame is a topic, negated or not)."""
        negatable = cue.negatable and cue.label_id in self._stance_ids
        found = []
        for match in cue.regex.finditer(text):
            if match.end() == match.start():
                continue
            scope = self._scope(text, match.start())
            negated = bool(negatable and self._negators and self._negators.search(scope))
            hedged = bool(self._hedges and self._hedges.search(scope))
            found.append(Evidence(cue.label_id, cue.id, match.start(), match.end(), match.group(0), negated, hedged))
        return found

    def label_evidence(self, label, text: str) -> tuple[list[Evidence], list[Evidence]]:
        """(counted, suppressed) evidence of one label: overlapping matches count once, longest first."""
        matches = [e for cue in label.cues for e in self.match_cue(cue, text)]
        suppressed = [e for e in matches if e.negated]
        kept: list[Evidence] = []
        for evidence in sorted((e for e in matches if not e.negated), key=lambda e: (-(e.end - e.start), e.start)):
            if all(evidence.end <= k.start or evidence.start >= k.end for k in kept):
                kept.append(evidence)
        return sorted(kept, key=lambda e: e.start), suppressed

    def tag_text(self, text: str) -> dict:
        """Stances, frames and evidence of one statement.

        >>> tagger = CodebookTagger()
        >>> tagger.tag_text("There have been no discussions of a handover of islands to Tokyo.")["stances"]
        ['sovereignty_non_negotiable']
        """
        return self._tag_one(_normalise(text), None)

    def _tag_one(self, text: str, candidates: set | None) -> dict:
        stances, frames, evidence, suppressed = [], [], [], []
        for kind, out in (("stances", stances), ("frames", frames)):
            for label in getattr(self.codebook, kind):
                if candidates is not None and label.id not in candidates:
                    continue
                kept, negated = self.label_evidence(label, text)
                if kept:
                    out.append(label.id)
                    if kind == "stances":
                        evidence.extend(kept)
                if kind == "stances":
                    suppressed.extend(negated)
        return {"stances": stances, "frames": frames, "evidence": evidence, "suppressed": suppressed}

    # -- a column of statements ----------------------------------------------------------------------------
    def tag_texts(self, texts) -> list[dict]:
        """Tag many statements: one Arrow scan per label, then cue-by-cue matching on the hits only."""
        array = pa.array([_normalise(t) for t in texts], type=pa.large_string())
        label_ids = list(self._prefilter)
        hits = np.zeros((len(array), len(label_ids)), dtype=bool)
        for j, label_id in enumerate(label_ids):
            union = self._prefilter[label_id]
            if union is None:
                hits[:, j] = True
            else:
                hits[:, j] = pc.match_substring_regex(array, union, ignore_case=True).to_numpy(zero_copy_only=False)
        empty = {"stances": [], "frames": [], "evidence": [], "suppressed": []}
        results = []
        any_hit = hits.any(axis=1)
        for i, text in enumerate(array.to_pylist()):
            if not any_hit[i]:
                results.append(empty)
                continue
            candidates = {label_ids[j] for j in np.flatnonzero(hits[i])}
            results.append(self._tag_one(text, candidates))
        return results

    def tag(self, statements: pd.DataFrame) -> pd.DataFrame:
        """Add stances, stance_evidence, suppressed_evidence, frames and holder_side to an attributed table."""
        results = self.tag_texts(statements["text"])
        return _finish(statements, [r["stances"] for r in results], [r["frames"] for r in results],
                       [r["evidence"] for r in results], [r["suppressed"] for r in results], self.codebook)


def _span_side(evidence: Evidence) -> str:
    sides = [side for side, pattern in _SIDE_IN_SPAN if pattern.search(evidence.text)]
    return sides[0] if len(sides) == 1 else ""


def _finish(statements, stances, frames, evidence, suppressed, codebook: Codebook) -> pd.DataFrame:
    cue_holder = {cue.id: cue.holder for cue in codebook.cues()}
    defaults = codebook.default_holders
    out = statements.copy()
    holders = []
    for row, row_stances, row_evidence in zip(statements.itertuples(index=False), stances, evidence):
        explicit = [cue_holder.get(e.cue, "") for e in row_evidence if cue_holder.get(e.cue, "")]
        span_sides = [_span_side(e) for e in row_evidence]
        holders.append(resolve_holder(
            row_stances, mode=row.mode, voice_side=row.voice_side, position_side=row.position_side,
            subject_side=row.subject_side, speaker_type=row.speaker_type, cue_holders=explicit, span_sides=span_sides, default_holders=defaults))
    out["stances"] = [";".join(s) for s in stances]
    out["stance_evidence"] = [" | ".join(map(str, e)) for e in evidence]
    out["suppressed_evidence"] = [" | ".join(map(str, e)) for e in suppressed]
    out["frames"] = [";".join(f) for f in frames]
    out["holder_side"] = holders
    return out


# ------------------------------------------------------------------------------------------- classifier

def split_labels(column) -> list[list[str]]:
    return [[label for label in str(value).split(";") if label] for value in column]


class StanceClassifier:
    """TF-IDF word + character n-grams into one-vs-rest logistic regression, trained on coded statements.

    Frames come from the codebook's frame cues (the classifier learns stances only); holder_side follows the
    same rules as the codebook tagger, fed with the classifier's stances.
    """

    name = "model"

    def __init__(self, codebook: Codebook | None = None, *, threshold: float = 0.5, random_state: int = 0):
        self.codebook = codebook or load_codebook()
        self.threshold = threshold
        self.random_state = random_state
        self.pipeline = None
        self.classes_: list[str] = []

    def _build(self):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier
        from sklearn.pipeline import FeatureUnion, Pipeline

        features = FeatureUnion([
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1, lowercase=True)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2)),
        ])
        model = OneVsRestClassifier(LogisticRegression(
            C=10.0, class_weight="balanced", solver="liblinear", random_state=self.random_state, max_iter=1000))
        return Pipeline([("features", features), ("model", model)])

    def fit(self, texts, stance_column) -> "StanceClassifier":
        from sklearn.preprocessing import MultiLabelBinarizer

        self.classes_ = self.codebook.stance_ids
        binarizer = MultiLabelBinarizer(classes=self.classes_)
        targets = binarizer.fit_transform(split_labels(stance_column))
        self.pipeline = self._build()
        import warnings
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Label .* is present in all training examples")
            warnings.filterwarnings("ignore", message="Label not .* is present in all training examples")
            self.pipeline.fit(list(texts), targets)
        return self

    def predict_proba(self, texts) -> np.ndarray:
        if self.pipeline is None:
            raise RuntimeError("StanceClassifier is not fitted: call fit() with coded statements first")
        return self.pipeline.predict_proba(list(texts))

    def predict(self, texts) -> list[list[str]]:
        proba = self.predict_proba(texts)
        return [[self.classes_[j] for j in np.flatnonzero(row >= self.threshold)] for row in proba]

    def top_features(self, text: str, stance: str, k: int = 3) -> list[str]:
        """The n-grams that pushed this statement towards a stance most: the model's evidence."""
        features = self.pipeline.named_steps["features"]
        vector = features.transform([text])
        estimator = self.pipeline.named_steps["model"].estimators_[self.classes_.index(stance)]
        coef = getattr(estimator, "coef_", None)
        if coef is None:
            return []
        contributions = vector.multiply(coef).tocsr()
        names = features.get_feature_names_out()
        order = np.argsort(-contributions.data)[:k]
        return [names[contributions.indices[i]].split("__", 1)[-1].strip() for i in order if contributions.data[i] > 0]

    def tag(self, statements: pd.DataFrame) -> pd.DataFrame:
        stances = self.predict(statements["text"])
        frame_tagger = CodebookTagger(self.codebook)
        frame_results = frame_tagger.tag_texts(statements["text"])
        evidence = []
        for text, row_stances in zip(statements["text"], stances):
            evidence.append([Evidence(s, "model", -1, -1, ", ".join(self.top_features(text, s))) for s in row_stances])
        return _finish(statements, stances, [r["frames"] for r in frame_results], evidence,
                       [[] for _ in stances], self.codebook)


def training_table(*tables: pd.DataFrame) -> pd.DataFrame:
    """Concatenate coded tables (gold, dev) into the texts and stances a classifier trains on."""
    return pd.concat([t[["text", "stances"]] for t in tables], ignore_index=True)


def kwic(statements: pd.DataFrame, pattern: str, *, width: int = 40, regex: bool = True) -> pd.DataFrame:
    """Keyword in context: every match of a cue or word with the text around it.

    >>> table = pd.DataFrame({"article_id": ["a"], "sent_idx": [0], "text": ["Japan laid claims to the islands."]})
    >>> kwic(table, "laid claims").loc[0, ["left", "match", "right"]].tolist()
    ['Japan', 'laid claims', 'to the islands.']
    """
    compiled = re.compile(pattern if regex else re.escape(pattern), re.IGNORECASE)
    rows = []
    for row in statements.itertuples(index=False):
        for match in compiled.finditer(row.text):
            rows.append({"article_id": row.article_id, "sent_idx": row.sent_idx,
                         "left": row.text[max(0, match.start() - width):match.start()].strip(),
                         "match": match.group(0),
                         "right": row.text[match.end():match.end() + width].strip()})
    return pd.DataFrame(rows, columns=["article_id", "sent_idx", "left", "match", "right"])
