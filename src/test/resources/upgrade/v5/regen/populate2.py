#!/usr/bin/env python3
"""Second day of use after a restart: operator work, more sign-ins and Mimeeq use. HTTP only."""
import json, re, sys
sys.path.insert(0, "/tmp/v5run")
import populate as p

facts = json.load(open("/tmp/v5run/facts.json"))
p.FACTS = facts
U = facts["users"]
nordic_id = facts["tenants"]["Nordic Living"]

# failed operator sign-ins (system chain)
for wrong in ("operator-typo-1", "operator-typo-2"):
    p.Client("guesser").sign_in("operator", wrong, expect=401)

# the operator comes back several times: tenants, audit, export, suspend/resume
for i in range(5):
    op = p.Client("operator"); op.sign_in("operator", U["operator"]["password"])
    op.get("/operator/tenants", 200)
    op.get("/operator/audit", 200)
    op.get("/operator/audit?range=24h&type=LOGIN", 200)
    if i == 0:
        op.get("/operator/audit/export?format=csv", 200)
        op.get("/operator/audit/export?format=jsonl", None)
    if i == 1:
        # suspend Nordic Living for a moment and resume it
        op.submit("/operator/tenants", f"/operator/tenants/{nordic_id}/suspend", {}, 302)
        p.Client("x").sign_in("admin@nordic.example", U["admin@nordic.example"]["password"], expect=401)
        op.submit("/operator/tenants", f"/operator/tenants/{nordic_id}/resume", {}, 302)
    if i == 4:
        op.get("/operator/audit/verify", 200)
    op.submit("/", "/logout", {}, 302)

# tenant users on the second day
for user, offset in (("admin@nordic.example", 4), ("sales@nordic.example", 6), ("admin@demo.example", 5),
                     ("sales@demo.example", 7), ("sales2@demo.example", 8)):
    c = p.Client(user); c.sign_in(user, U[user]["password"])
    c.get("/", 200)
    c.get("/catalog?q=chair", 200)
    code = p.generate(c, offset, U[user]["tenant"])
    c.get("/products/lookup?code=" + code, 200)
    r = c.get(f"/pricing?code={code}&quantity=5&sourceKind=group&sourceValue=retail-eur")
    facts["notes"].append(f"{user} day-2 pricing {code} -> {r.status_code}")
    c.get(f"/pricing/compare?code={code}&quantity=1&kind1=group&value1=retail-eur&kind2=group&value2=retail-gbp")
    if U[user]["role"] == "ACCOUNT_ADMIN":
        c.get("/admin/audit", 200)
        c.get("/admin/users", 200)
        c.get("/admin/api-key", 200)
    c.submit("/", "/logout", {}, 302)

# one more failed sign-in in each tenant, then the temp (disabled) user tries
p.Client("guesser").sign_in("sales@demo.example", "forgot-it-again", expect=401)
p.Client("guesser").sign_in("admin@nordic.example", "forgot-it-again", expect=401)
p.Client("guesser").sign_in("temp@demo.example", U["temp@demo.example"]["password"], expect=401)

# final verification of every chain (GET only: what the verify page says now)
ver = {}
for user, path, key in (("admin@nordic.example", "/admin/audit/verify", "Nordic Living"),
                        ("admin@demo.example", "/admin/audit/verify", "Demo Furniture"),
                        ("operator", "/operator/audit/verify", "system")):
    c = p.Client(user); c.sign_in(user, U[user]["password"])
    ver[key] = p.inner(c.get(path, 200).text, r'class="verdict[^"]*"[^>]*>(.*?)</')
    c.submit("/", "/logout", {}, 302)
facts["verify_final"] = ver
json.dump(facts, open("/tmp/v5run/facts.json", "w"), indent=2)
open("/tmp/v5run/http2.log", "w").write("\n".join(p.LOG) + "\n")
print(json.dumps(ver, indent=1))
