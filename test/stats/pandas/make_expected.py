"""The pandas side of ktool stats' EMA and moving-average checks (test/stats/pandas.test.ts).

Run: python3 make_expected.py > expected.json (pandas from PyPI; the file records the version).
A seeded series of 200 values at increasing event times (ms, irregular, some equal), and what
pandas computes on it:
  - ewm(alpha=0.3, adjust=True|False).mean(), ewm(span=9) (alpha = 2/(span+1))
  - ewm(halflife='20s', times=t, adjust=True).mean()      (weights 0.5^((t_n - t_i)/h))
  - rolling('60s', closed='both').mean() on the time index  ([t - 60s, t], both inclusive)
  - rolling(5, min_periods=1).mean()                       (the last 5 values)
  - expanding().mean()                                     (the running average)
"""
import json
import random

import numpy as np
import pandas as pd

random.seed(13)
t0 = 1767225600000
times, values = [], []
t = t0
for i in range(200):
    t += random.choice([0, 250, 1000, 1000, 3000, 7000, 15000])
    times.append(t)
    values.append(round(random.uniform(-20, 120), 3))

s = pd.Series(values, dtype='float64')
idx = pd.to_datetime(times, unit='ms')
ts = pd.Series(values, index=idx, dtype='float64')

out = {
    'pandas': pd.__version__,
    'times': times,
    'values': values,
    'ewm_alpha_0.3_adjust': s.ewm(alpha=0.3, adjust=True).mean().tolist(),
    'ewm_alpha_0.3_noadjust': s.ewm(alpha=0.3, adjust=False).mean().tolist(),
    'ewm_span_9_adjust': s.ewm(span=9, adjust=True).mean().tolist(),
    'ewm_halflife_20s_adjust': s.ewm(halflife=pd.Timedelta('20s'), times=idx, adjust=True).mean().tolist(),
    'rolling_60s_both': ts.rolling('60s', closed='both').mean().tolist(),
    'rolling_5': s.rolling(5, min_periods=1).mean().tolist(),
    'expanding': s.expanding().mean().tolist(),
}
print(json.dumps(out))
