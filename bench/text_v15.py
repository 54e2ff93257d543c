"""The candidate model v15 (v14's health vocabulary without its everyday single words) against
v13, under the adoption rule stated in docs/ARCHITECTURE.md ("Model v15") before v15 was
trained. The measuring code is `bench.text_v14`'s, with the candidate named v15, the fourth
sealed set read first and the cost runs alternating with v13's.

The product's model is v15 (its training text in `adlens/chat_corpus/health.py`); on code
whose model is another version the run stops.

`python -m bench.text_v15 --v13 FILE --sets validation` reads the product's model and v13 from
FILE (v13's shipped model: `git show 01df420:sample_data/prepared/text_model.pkl.zlib > FILE`,
the commit that shipped it) and prints the figures and the rule's conditions as JSON. Sets, in
the order the rule reads them: `validation`, `public` (CLINC150, SNIPS), `health` (LiveQA,
MEDIQA), then `sealed_v4`, `sealed_v3`, `sealed_v2`, `sealed` (figures only). `--v13 FILE
--cost` runs load + read of the sample's chats in six fresh processes, v13, v15, v13, v15, v13,
v15. `--merge FILE...` judges saved outputs together.
"""

from __future__ import annotations

from bench import text_v14

CANDIDATE = "v15"
SEALED = ("sealed_v4", "sealed_v3", "sealed_v2", "sealed")


def verdict(results: dict) -> dict[str, bool]:
    """v15's rule: v14's conditions with the fourth sealed set first in condition 4, and the
    cost read against v13's alternating runs when v13's median is over 2 s."""
    return text_v14.verdict(results, CANDIDATE, SEALED)


def main(argv: list[str] | None = None) -> int:
    return text_v14.main(argv, CANDIDATE, SEALED, prog="python -m bench.text_v15",
                         description=__doc__.splitlines()[0])


if __name__ == "__main__":
    raise SystemExit(main())
