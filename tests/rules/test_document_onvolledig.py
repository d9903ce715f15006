from .helpers import BASE, PARTS, append, check, drop, drop_lines, edit, messages

RULE = "document-onvolledig"


def test_silent_on_base():
    assert check(BASE, RULE) == []


def test_an_old_plan_without_the_new_keys_is_valid_and_gets_one_info_per_part():
    old = BASE[: -len(PARTS)]
    found = check(old, RULE)
    assert found and all(f == (RULE, "info", 1, 1) for f in found)  # absent top-level keys: the top
    keys = {m.split("Vul '", 1)[1].split("'", 1)[0] for m in messages(old, RULE)}
    assert keys == {"versie", "datum", "status", "aanleiding.tekst", "aanleiding.probleemstelling",
                    "afbakening.open", "afbakening.vast", "organisatie.opdrachtgever", "organisatie.projectleider",
                    "organisatie.projectgroep", "communicatie", "projectrisicos", "capaciteit", "benodigdheden",
                    "begroting", "dekking", "besluitvorming.momenten", "besluitvorming.voorstel"}
    assert len(found) == len(keys)


def test_a_missing_sub_key_points_at_its_section():
    plan = drop("  probleemstelling: Wat hebben vrijwilligers nodig?\n")
    assert check(plan, RULE) == [(RULE, "info", 126, 1)]
    assert "'aanleiding.probleemstelling'" in messages(plan, RULE)[0]
    plan = drop("  projectgroep: [Het steunpunt.]\n")
    assert check(plan, RULE) == [(RULE, "info", 132, 1)]


def test_besluitvorming_without_moments_or_without_voorstel():
    assert check(drop_lines(147, 149), RULE) == [(RULE, "info", 146, 1)]
    assert "'besluitvorming.momenten'" in messages(drop_lines(147, 149), RULE)[0]
    assert check(drop_lines(150), RULE) == [(RULE, "info", 146, 1)]
    assert "'besluitvorming.voorstel'" in messages(drop_lines(150), RULE)[0]


def test_an_activity_without_date_and_a_phase_without_dates():
    plan = edit(("        datum: 2027-04-15\n", ""))
    assert check(plan, RULE) == [(RULE, "info", 51, 9)]
    assert "'cafe'" in messages(plan, RULE)[0] and "'datum'" in messages(plan, RULE)[0]
    plan = edit(("    tot: 2027-06-30\n", ""))
    assert check(plan, RULE) == [(RULE, "info", 47, 5)]


def test_werving_without_middelen():
    plan = drop_lines(84, 88)
    assert check(plan, RULE) == [(RULE, "info", 67, 1)]
    assert "'werving.middelen'" in messages(plan, RULE)[0]


def test_a_replacing_own_text_silences_its_section():
    plan = drop("aanleiding:\n  tekst: De nota vrijwilligerswerk loopt af.\n"
                "  probleemstelling: Wat hebben vrijwilligers nodig?\n")
    assert len(check(plan, RULE)) == 2
    own = ("teksten:\n  - document: plan-van-aanpak\n    sectie: aanleiding\n    modus: vervangen\n"
           "    tekst: Eigen aanleiding.\n")
    assert check(append(own, plan), RULE) == []
    # extending (aanvullen) leaves the generated text, and so the gap, in place
    assert len(check(append(own.replace("vervangen", "aanvullen"), plan), RULE)) == 2


def test_a_kernvoorwaarde_judged_without_toelichting():
    plan = edit(("  meerwaarde: {oordeel: voldaan, toelichting: Beide partijen winnen erbij.}",
                 "  meerwaarde: {oordeel: voldaan}"))
    assert check(plan, RULE) == [(RULE, "info", 28, 3)]
    assert "'meerwaarde'" in messages(plan, RULE)[0]
