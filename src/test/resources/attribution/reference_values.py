#!/usr/bin/env python3
"""
Independent derivation of the numbers the attribution tests state (run: python3 reference_values.py [file.csv]).

Written separately from the Java code, in another language, from the definitions in
docs/modules/attribution.md:
  - heuristics count every touch (no collapsing); first/last = first/last touch; linear = one equal
    share per touch; sums are exact rationals (fractions.Fraction).
  - Markov of order k: states are windows of k consecutive touches (the whole path when it is
    shorter), consecutive equal states collapsed; (start) -> states -> (conversion)/(null);
    transitions between states weighted by conversions + nulls of the path, the last state goes to
    (conversion) with the path's conversions and to (null) with its nulls.
  - P(conversion) = x[start] where (I - Q) x = r, r = one-step probability of (conversion).
  - removal effect of channel c = 1 - P(conversion | every state holding c sends to null) / P(conversion).
  - value removal effect: the same with r_s = P(s -> conversion) * mean value per conversion of paths
    ending in state s.
Order 1 is solved in exact rational arithmetic; orders 2 and 3 with numpy (LAPACK, float64).
"""
import csv
import sys
from fractions import Fraction

import numpy as np


def read(path):
    rows = []
    with open(path, newline='') as f:
        r = csv.reader(f, delimiter=';')
        next(r)
        for p, c, v, n in r:
            ch = [x.strip() for x in p.split('>') if x.strip()]
            rows.append((ch, int(c), Fraction(v), int(n)))
    return rows


def channels_in_order(rows):
    seen = []
    for ch, *_ in rows:
        for c in ch:
            if c not in seen:
                seen.append(c)
    return seen


def heuristics(rows):
    first, last, linear = {}, {}, {}
    first_v, last_v, linear_v = {}, {}, {}
    for ch, c, v, n in rows:
        first[ch[0]] = first.get(ch[0], 0) + c
        last[ch[-1]] = last.get(ch[-1], 0) + c
        first_v[ch[0]] = first_v.get(ch[0], 0) + v
        last_v[ch[-1]] = last_v.get(ch[-1], 0) + v
        for t in ch:
            linear[t] = linear.get(t, 0) + Fraction(c, len(ch))
            linear_v[t] = linear_v.get(t, 0) + v / len(ch)
    return first, last, linear, first_v, last_v, linear_v


def states_of(ch, k):
    if len(ch) <= k:
        windows = [tuple(ch)]
    else:
        windows = [tuple(ch[i:i + k]) for i in range(len(ch) - k + 1)]
    out = []
    for w in windows:
        if not out or out[-1] != w:
            out.append(w)
    return out


def chain(rows, k):
    counts = {}   # from -> {to: weight}
    conv_value = {}  # last state -> (value, conversions)
    def add(a, b, w):
        counts.setdefault(a, {})
        counts[a][b] = counts[a].get(b, 0) + w
    for ch, c, v, n in rows:
        if c + n == 0:
            continue
        st = states_of(ch, k)
        prev = 'start'
        for s in st:
            add(prev, s, c + n)
            prev = s
        if c > 0:
            add(prev, 'conv', c)
            val, cc = conv_value.get(prev, (0, 0))
            conv_value[prev] = (val + v, cc + c)
        if n > 0:
            add(prev, 'null', n)
    return counts, conv_value


def solve(counts, conv_value, removed_channel, exact, with_value):
    transient = [s for s in counts if s == 'start' or removed_channel is None or removed_channel not in s]
    idx = {s: i for i, s in enumerate(transient)}
    m = len(transient)
    if exact:
        A = [[Fraction(0)] * m for _ in range(m)]
        b = [Fraction(0)] * m
    else:
        A = np.zeros((m, m))
        b = np.zeros(m)
    for s in transient:
        i = idx[s]
        A[i][i] += 1
        tot = sum(counts[s].values())
        for t, w in counts[s].items():
            p = Fraction(w, tot) if exact else w / tot
            if t == 'conv':
                if with_value:
                    val, cc = conv_value[s]
                    mean = val / cc
                    b[i] += p * (mean if exact else float(mean))
                else:
                    b[i] += p
            elif t == 'null':
                pass
            elif t in idx:
                A[i][idx[t]] -= p
            # else: t holds the removed channel -> goes to null
    if exact:
        x = gauss(A, b)
    else:
        x = np.linalg.solve(A, b)
    return x[idx['start']]


def gauss(A, b):
    n = len(b)
    A = [row[:] + [b[i]] for i, row in enumerate(A)]
    for col in range(n):
        piv = next(r for r in range(col, n) if A[r][col] != 0)
        A[col], A[piv] = A[piv], A[col]
        for r in range(n):
            if r != col and A[r][col] != 0:
                f = A[r][col] / A[col][col]
                A[r] = [a - f * c for a, c in zip(A[r], A[col])]
    return [A[i][n] / A[i][i] for i in range(n)]


def main(path):
    rows = read(path)
    chans = channels_in_order(rows)
    total_c = sum(r[1] for r in rows)
    total_v = sum(r[2] for r in rows)
    print('paths', len(rows), 'conversions', total_c, 'value', float(total_v), 'nulls', sum(r[3] for r in rows))
    print('channels', chans)
    f, l, lin, fv, lv, linv = heuristics(rows)
    print('\nchannel first last linear first_value last_value linear_value')
    for c in chans:
        print(c, f.get(c, 0), l.get(c, 0), float(lin.get(c, 0)), float(fv.get(c, 0)), float(lv.get(c, 0)), float(linv.get(c, 0)))
    for k in (1, 2, 3):
        counts, cv = chain(rows, k)
        exact = k == 1
        p = solve(counts, cv, None, exact, False)
        pv = solve(counts, cv, None, exact, True)
        print('\norder', k, 'states', len(counts) - 1, 'P(conversion)', float(p), 'expected value', float(pv))
        re = {c: 1 - solve(counts, cv, c, exact, False) / p for c in chans}
        rev = {c: (1 - solve(counts, cv, c, exact, True) / pv) if pv else 0 for c in chans}
        sre, srev = sum(re.values()), sum(rev.values())
        print('channel removal_effect value_removal_effect conversions value')
        for c in chans:
            print(c, repr(float(re[c])), repr(float(rev[c])), repr(float(re[c] / sre * total_c)), repr(float(rev[c] / srev * total_v) if srev else 0.0))


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'channelattribution-data.csv')
