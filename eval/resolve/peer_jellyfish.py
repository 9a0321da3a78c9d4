"""Peer baseline for eval/resolve: name-pair decisions by the jellyfish
library (Jaro-Winkler with a threshold tuned on the tuning half, and
equality of Soundex, Metaphone, NYSIIS codes and the Match Rating
comparison).

Input on stdin, one pair a line: split <TAB> set <TAB> name-a <TAB> name-b,
where split is "tune" or "test" and set is "pos", "rand" or "hard".
Output: one line per method: method <TAB> threshold <TAB> P <TAB> R <TAB>
F1 <TAB> false-accept rate on random negatives <TAB> on hard negatives,
scored on the test split.
"""
import sys
import warnings

warnings.simplefilter("ignore")
import jellyfish  # noqa: E402


def score(pairs, decide):
    tp = fp = fn = 0
    fa = {"rand": [0, 0], "hard": [0, 0]}
    for kind, a, b in pairs:
        same = decide(a, b)
        if kind == "pos":
            if same:
                tp += 1
            else:
                fn += 1
        else:
            fa[kind][1] += 1
            if same:
                fp += 1
                fa[kind][0] += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    far = {k: (v[0] / v[1] if v[1] else 0.0) for k, v in fa.items()}
    return p, r, f, far["rand"], far["hard"]


def main():
    data = {"tune": [], "test": []}
    for line in sys.stdin:
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 4:
            continue
        split, kind, a, b = parts
        data.setdefault(split, []).append((kind, a.lower(), b.lower()))
    jw = {}
    for split, pairs in data.items():
        jw[split] = [(k, jellyfish.jaro_winkler_similarity(a, b)) for k, a, b in pairs]
    best_t, best_f = 0.0, -1.0
    for i in range(60, 100):
        t = i / 100.0
        sims = iter(s for _, s in jw["tune"])
        f = score(data["tune"], lambda a, b: next(sims) >= t)[2]
        if f > best_f:
            best_t, best_f = t, f
    sims = iter(s for _, s in jw["test"])
    out = [("jellyfish-jaro-winkler", best_t, score(data["test"], lambda a, b: next(sims) >= best_t))]
    for name, code in [("jellyfish-soundex", jellyfish.soundex), ("jellyfish-metaphone", jellyfish.metaphone),
                       ("jellyfish-nysiis", jellyfish.nysiis)]:
        out.append((name, 0, score(data["test"], lambda a, b, c=code: c(a) == c(b))))
    out.append(("jellyfish-match-rating", 0,
                score(data["test"], lambda a, b: bool(jellyfish.match_rating_comparison(a, b)))))
    for name, t, (p, r, f, fr, fh) in out:
        print("%s\t%.2f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f" % (name, t, p, r, f, fr, fh))


if __name__ == "__main__":
    main()
