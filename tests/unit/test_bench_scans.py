"""The respondent simulation of bench/scans.py checks its own invariants on tiny sizes.

Everything here runs on a small in-memory scan, so it does not depend on the
scans in assessments/ that are being rewritten.
"""
import math
import random
import statistics

import pytest

import engine
from bench import scans

DIMS = ["x", "y", "z"]


def tiny_scan():
    return engine.parse_assessment({
        "id": "tiny", "version": 1, "title": "Tiny", "audience": "team",
        "scale": {"min": 1, "max": 5, "labels": {str(v): str(v) for v in range(1, 6)}, "unknown": "Weet ik niet"},
        "dimensions": [{"id": d, "title": d, "bands": [{"upto": 40, "label": "l"}, {"upto": 70, "label": "m"},
                                                        {"upto": 100, "label": "h"}]} for d in DIMS],
        "questions": [{"id": f"q{i}", "text": "?", "dimension": DIMS[i % 3], "reverse": i % 4 == 1}
                      for i in range(15)],
        "profiles": [{"id": "hoog", "when": {"x": {"min": 60}, "y": {"min": 60}}},
                     {"id": "laag", "when": {"x": {"max": 40}}},
                     {"id": "rest", "when": {}}],
    })


def test_cholesky_reproduces_the_matrix_and_the_correlation():
    matrix = scans.common_correlation(4, 0.6)
    low = scans.cholesky(matrix)
    for i in range(4):
        for j in range(4):
            assert sum(low[i][k] * low[j][k] for k in range(4)) == pytest.approx(matrix[i][j])
            if j > i:
                assert low[i][j] == 0
    rng = random.Random(3)
    draws = [scans.correlated_normals(rng, low) for _ in range(4000)]
    assert statistics.correlation([d[0] for d in draws], [d[3] for d in draws]) == pytest.approx(0.6, abs=0.05)
    with pytest.raises(ValueError):
        scans.cholesky([[1, 2], [2, 1]])


def test_cohen_kappa_by_hand():
    # observed 3/4; expected 1/2 * 1/4 + 1/2 * 3/4 = 1/2; kappa (0.75 - 0.5) / 0.5
    assert scans.cohen_kappa(["a", "a", "b", "b"], ["a", "b", "b", "b"]) == pytest.approx(0.5)
    assert scans.cohen_kappa([None, "a"], [None, "a"]) == pytest.approx(1.0)
    assert scans.cohen_kappa(["a", "a"], ["a", "a"]) is None


def test_answers_follow_the_graded_response_model():
    item = scans.Item("q", 0, 1, 1.7, (-1.2, -0.3, 0.4, 1.5))
    rng = random.Random(5)
    theta, n = 0.3, 20000
    counts = [0] * 5
    for _ in range(n):
        counts[scans.answer(rng, ([theta], 0.0), [item], 1, 5, 0.0, 0.0)["q"] - 1] += 1
    for k, b in enumerate(item.thresholds, start=1):
        expected = 1 / (1 + math.exp(-item.a * (theta - b)))     # P(answer >= k + 1)
        assert sum(counts[k:]) / n == pytest.approx(expected, abs=0.015)
    reversed_item = scans.Item("q", 0, -1, 1.7, item.thresholds)
    mean_normal = statistics.fmean(scans.answer(rng, ([1.0], 0.0), [item], 1, 5, 0, 0)["q"] for _ in range(2000))
    mean_reversed = statistics.fmean(scans.answer(rng, ([1.0], 0.0), [reversed_item], 1, 5, 0, 0)["q"]
                                     for _ in range(2000))
    assert mean_normal > 3.5
    assert mean_reversed < 2.5


def test_a_perfectly_reliable_respondent_retests_identically():
    line = scans.simulate(tiny_scan(), scans.Setting(1e9, 0.3, 0.4, careless=0.0, unknown=0.0), 300, seed=7)
    assert line["retest"]["profile"] == 1.0
    assert line["retest"]["kappa"] == pytest.approx(1.0)
    assert all(d["sem"] == 0 for d in line["dimensions"].values())


def test_random_answerers_have_alpha_near_zero_and_real_people_do_not():
    rng = random.Random(11)
    rows = [[rng.randint(1, 5) for _ in range(5)] for _ in range(2000)]
    assert abs(scans.cronbach_alpha(rows)) < 0.15
    line = scans.simulate(tiny_scan(), scans.Setting(2.5, 0.3, 0.3), 1000, seed=7)
    assert all(d["alpha"] > 0.7 for d in line["dimensions"].values())


def test_the_line_is_deterministic_and_complete():
    scan = tiny_scan()
    setting = scans.Setting(1.0, 0.6, 0.5)
    one = scans.simulate(scan, setting, 200, seed=1)
    two = scans.simulate(scan, setting, 200, seed=1)
    one.pop("seconds"), two.pop("seconds")
    assert one == two
    assert set(one["realistic"]["profiles"]) == {"hoog", "laag", "rest"}
    shares = one["realistic"]["profiles"]
    assert sum(shares.values()) + one["realistic"]["no_profile"] == pytest.approx(1.0, abs=1e-3)
    assert set(one["straightliners"]["profiles"]) == {"1", "2", "3", "4", "5"}
    assert set(one["aims"]) == set(scans.AIMS)
    summary = scans.summary([one], 0.0)
    assert summary["scans"]["tiny"]["aims"] == one["aims"]


def test_runner_up_borderline_and_flags_are_read_where_the_engine_puts_them():
    def result(pid, runner_up=None, border=None, top_level=True, flags=None):
        profile = {"id": pid}
        extra = {}
        if runner_up is not None:
            (extra if top_level else profile)["runner_up"] = {"id": runner_up}
        if border is not None:
            (extra if top_level else profile)["borderline"] = border
        return {"profile": profile, **extra, **({"flags": flags} if flags is not None else {})}

    test = [result("a", "b", True), result("a", "b", False, top_level=False), result("c", "a", False)]
    retest = [result("b", "a", True), result("b", "c", False), result("c", "b", False, flags=["inconsistent"])]
    figures = scans.retest_figures(test, retest)
    assert figures["profile"] == pytest.approx(1 / 3, abs=1e-4)
    assert figures["profile_or_runner_up"] == 1.0
    assert figures["profile_or_borderline_runner_up"] == pytest.approx(2 / 3, abs=1e-4)
    plain = scans.retest_figures([{"profile": None}], [{"profile": None}])
    assert plain["profile"] == 1.0 and plain["profile_or_runner_up"] is None
    assert scans.flag_summary(retest) == {"flagged": pytest.approx(1 / 3, abs=1e-4),
                                          "flags": {"inconsistent": pytest.approx(1 / 3, abs=1e-4)}}


def test_item_draws_are_different_sets_of_items_and_draw_one_keeps_the_old_items():
    scan = tiny_scan()
    first = scans.simulate(scan, scans.Setting(1.7, 0.3, 0.3, items=1), 300, seed=1)
    second = scans.simulate(scan, scans.Setting(1.7, 0.3, 0.3, items=2), 300, seed=1)
    assert first["setting"]["items"] == 1 and second["setting"]["items"] == 2
    assert first["dimensions"] != second["dimensions"]
    # draw 1 is seeded as every run before item draws existed
    old_items = scans.item_parameters(scan, random.Random("1:tiny:items"), 1.7)
    assert scans.items_for(scan, scans.Setting(1.7, 0.3, 0.3, items=1), 1) == old_items
    assert scans.items_for(scan, scans.Setting(1.7, 0.3, 0.3, items=2), 1) != old_items


def test_the_default_grid_holds_36_settings_and_8_stress_settings_apart():
    args = scans.argparse.Namespace(quick=False, a=None, rho=None, acq=None, items=None, no_stress=False,
                                    acq_mean=0.0, careless=scans.CARELESS, unknown=scans.UNKNOWN_SHARE)
    grid = scans.settings_from(args)
    main = [s for s in grid if not s.stress]
    stress = [s for s in grid if s.stress]
    assert len(main) == 36 and min(s.a for s in main) == 1.7
    assert len(stress) == 8 and {s.a for s in stress} == {1.0, 1.3}
    args.a = (2.0,)
    assert not any(s.stress for s in scans.settings_from(args)), "picking a strength runs only what was picked"


def test_stress_settings_are_summarised_apart_and_do_not_decide_the_aims():
    scan = tiny_scan()
    good = scans.simulate(scan, scans.Setting(1.7, 0.3, 0.3), 200, seed=1)
    weak = scans.simulate(scan, scans.Setting(1.0, 0.3, 0.3, stress=True), 200, seed=1)
    weak["aims"] = {aim: False for aim in scans.AIMS}     # whatever the weak items do ...
    result = scans.summary([good, weak], 0.0)
    assert result["scans"]["tiny"]["aims"] == good["aims"]  # ... the aims are those of the main grid
    assert result["settings"] == [scans.label(good["setting"])]
    assert result["stress"]["settings"] == [scans.label(weak["setting"])]
    assert result["stress"]["aims"] == {aim: False for aim in scans.AIMS}
    table = scans.markdown_table(result, {"tiny": "Tiny"})
    assert "Zwakke stellingen (stresstest)" in table and "in 1 variant." in table
    assert "(sterkte van de stellingen 1,7, één set stellingen," in table, "the footnote names the grid that ran"


def test_one_line_per_scan_gives_each_figure_as_its_range_over_the_main_settings():
    scan = tiny_scan()
    lines = [scans.simulate(scan, scans.Setting(a, 0.3, 0.3), 300, seed=1) for a in (1.7, 2.5)]
    lines.append(scans.simulate(scan, scans.Setting(1.0, 0.3, 0.3, stress=True), 300, seed=1))
    line = scans.scan_line(scans.split_stress(lines)[0])
    assert line["scan"] == "tiny" and line["per_scan"] and line["settings"] == 2
    shares = [one["realistic"]["profiles"]["hoog"] for one in lines[:2]]
    assert line["realistic"]["profiles"]["hoog"] == [min(shares), max(shares)]
    retests = [one["retest"]["profile_or_runner_up"] for one in lines[:2]]
    assert line["retest"]["profile_or_runner_up"] == [min(retests), max(retests)]
    assert set(line["alpha"]) == set(DIMS) and line["alpha"]["x"][0] <= line["alpha"]["x"][1]
    assert line["aims"] == {aim: lines[0]["aims"][aim] and lines[1]["aims"][aim] for aim in scans.AIMS}
    assert line["straightliners"]["flagged"] == lines[0]["straightliners"]["flagged"]
