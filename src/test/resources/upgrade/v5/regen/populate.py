#!/usr/bin/env python3
"""Populates the V5 portal (a11d930) through HTTP only. Writes /tmp/v5run/facts.json."""
import html
import json
import re
import sys
import requests

BASE = "http://127.0.0.1:18480"
LOG = []
FACTS = {"users": {}, "codes": [], "verify": {}, "notes": []}

OPERATOR_PW = "fixture-v5-Operator-pw1"
DEMO_ADMIN_PW = "fixture-v5-DemoAdmin-pw1"
DEMO_SALES_PW = "fixture-v5-DemoSales-pw1"
NORDIC_ADMIN_PW = "fixture-v5-NordicAdmin-pw1"
NORDIC_SALES_PW = "fixture-v5-NordicSales-pw1"
DEMO_SALES2_PW = "fixture-v5-DemoSales2-pw1"
DEMO_TEMP_PW = "fixture-v5-DemoTemp-pw1"

TAG = re.compile(r"<(input|tr|a|code|dd|p|td|img|form|select|option)\b([^>]*)>", re.I)
ATTR = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')


def tags(body, name):
    out = []
    for m in TAG.finditer(body):
        if m.group(1).lower() == name:
            out.append({k: html.unescape(v) for k, v in ATTR.findall(m.group(2))})
    return out


def text(body):
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


def inner(body, pattern):
    m = re.search(pattern, body, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip() if m else None


class Client:
    def __init__(self, who):
        self.who = who
        self.s = requests.Session()

    def get(self, path, expect=None):
        r = self.s.get(BASE + path, allow_redirects=False, timeout=60)
        LOG.append(f"{self.who} GET {path} -> {r.status_code} {r.headers.get('Location', '')}")
        if expect is not None and r.status_code != expect:
            sys.exit(f"{self.who} GET {path}: {r.status_code} != {expect}\n{text(r.text)[:1500]}")
        return r

    def submit(self, form_page, action, fields, expect=None):
        page = self.get(form_page)
        token = next(t["value"] for t in tags(page.text, "input") if t.get("name") == "_csrf")
        data = dict(fields)
        data["_csrf"] = token
        r = self.s.post(BASE + action, data=data, allow_redirects=False, timeout=60)
        LOG.append(f"{self.who} POST {action} {sorted(fields)} -> {r.status_code} {r.headers.get('Location', '')}")
        if expect is not None and r.status_code not in (expect if isinstance(expect, tuple) else (expect,)):
            sys.exit(f"{self.who} POST {action}: {r.status_code} != {expect}\n{text(r.text)[:1500]}")
        return r

    def sign_in(self, username, password, expect=302):
        return self.submit("/login", "/login", {"username": username, "password": password}, expect)


def signed_in(username, password, new_password=None):
    """Signs in; if the release keeps the user on /account/password, changes the password as told."""
    c = Client(username)
    r = c.sign_in(username, password)
    forced = r.headers.get("Location", "").endswith("/account/password")
    FACTS["notes"].append(f"{username}: sign-in redirect {r.headers.get('Location')} (forced change: {forced})")
    if forced:
        if not new_password:
            sys.exit(f"{username} must change the password but none was given")
        c.submit("/account/password", "/account/password",
                 {"currentPassword": password, "newPassword": new_password, "confirmPassword": new_password}, 302)
        c.get("/", 200)
        return c, new_password
    c.get("/", 200)
    return c, password


def create_user(admin, username, role):
    r = admin.submit("/admin/users", "/admin/users", {"username": username, "role": role}, 201)
    otp = inner(r.text, r'<code[^>]*class="one-time-password"[^>]*>(.*?)</code>')
    assert otp, "no one-time password"
    return otp


def user_row(admin, username):
    page = admin.get("/admin/users", 200).text
    return next(t for t in tags(page, "tr") if t.get("data-username") == username)


def generate(c, n, tenant):
    rows = [t for t in tags(c.get("/catalog?status=ACTIVE&mode=VARIANT&own=own", 200).text, "tr")
            if "data-product-id" in t]
    product = rows[n]["data-product-id"]
    detail = c.get("/catalog/" + product, 200).text
    conf = next(t.get("value", "") for t in tags(detail, "input") if t.get("name") == "configurationCode")
    r = c.submit("/catalog/" + product, "/short-codes", {"productId": product, "configurationCode": conf}, 302)
    code = r.headers["Location"].split("created=")[-1]
    shown = c.get("/short-codes?created=" + code, 200).text
    assert code in shown
    c.get("/short-codes/qr?code=" + code, 200)
    FACTS["codes"].append({"tenant": tenant, "by": c.who, "code": code, "productId": product,
                           "configurationCode": conf})
    return code


def use_mimeeq(c, tenant, n_codes, offset):
    c.get("/catalog", 200)
    c.get("/catalog?page=2", 200)
    first = [t for t in tags(c.get("/catalog", 200).text, "tr") if "data-product-id" in t][0]["data-product-id"]
    c.get("/catalog/" + first, 200)
    codes = [generate(c, offset + i, tenant) for i in range(n_codes)]
    for code in codes:
        c.get("/products/lookup?code=" + code, 200)
    r = c.get(f"/pricing?code={codes[0]}&quantity=2&sourceKind=group&sourceValue=retail-eur")
    FACTS["notes"].append(f"{c.who} pricing {codes[0]} -> {r.status_code}")
    c.get("/short-codes", 200)
    return codes


def verify(c, path, key):
    page = c.get(path, 200).text
    verdict = inner(page, r'class="verdict[^"]*"[^>]*>(.*?)</')
    FACTS["verify"][key] = verdict
    r = c.submit(path, path, {}, 200)
    cp = re.search(r"A checkpoint at entry #\s*(\d+)", text(r.text))
    FACTS["verify"][key + ".checkpoint"] = cp.group(1) if cp else text(r.text)[:300]
    return verdict


def main():
    sandbox_key = requests.get(BASE + "/sandbox/_admin/accounts/nordic-living/key", timeout=30).json()["apiKey"]

    operator, _ = signed_in("operator", OPERATOR_PW)
    FACTS["users"]["operator"] = {"password": OPERATOR_PW, "role": "OPERATOR", "tenant": "system"}
    operator.get("/operator/tenants", 200)
    operator.get("/operator/audit", 200)

    # a second tenant on the sandbox, with its first admin
    r = operator.submit("/operator/tenants", "/operator/tenants",
                        {"name": "Nordic Living", "baseUrl": "sandbox", "adminUsername": "admin@nordic.example"}, 201)
    nordic_otp = inner(r.text, r'<code[^>]*class="one-time-password"[^>]*>(.*?)</code>')
    assert nordic_otp
    FACTS["nordic_admin_one_time_password"] = nordic_otp
    tenants = {t["data-tenant-name"]: t["data-tenant-id"] for t in
               tags(operator.get("/operator/tenants", 200).text, "tr") if "data-tenant-id" in t}
    FACTS["tenants"] = tenants

    nordic_admin, pw = signed_in("admin@nordic.example", nordic_otp, NORDIC_ADMIN_PW)
    FACTS["users"]["admin@nordic.example"] = {"password": pw, "role": "ACCOUNT_ADMIN", "tenant": "Nordic Living"}
    nordic_admin.get("/catalog", 409)  # no key yet: audited NO_KEY
    nordic_admin.get("/admin/api-key", 200)
    nordic_admin.submit("/admin/api-key", "/admin/api-key", {"apiKey": sandbox_key}, 302)
    key_page = nordic_admin.get("/admin/api-key?saved", 200).text
    FACTS["nordic_key_last4"] = inner(key_page, r'<dd class="last4"[^>]*>(.*?)</dd>')
    FACTS["nordic_key_fingerprint"] = inner(key_page, r'<dd class="fingerprint"[^>]*>(.*?)</dd>')
    assert FACTS["nordic_key_last4"] == sandbox_key[-4:]
    FACTS["nordic_key_sha_check"] = "last4 matches the sandbox key"
    # a "test connection" button exists only from 6e1c3ba on; record whether this release has one
    FACTS["notes"].append("key page has test-connection form: " + str("test" in key_page.lower() and "connection" in key_page.lower()))
    nordic_admin.submit("/admin/audit/retention", "/admin/audit/retention", {"retentionDays": "365"}, 302)

    nordic_sales_otp = create_user(nordic_admin, "sales@nordic.example", "SALES")
    nordic_sales, pw = signed_in("sales@nordic.example", nordic_sales_otp, NORDIC_SALES_PW)
    FACTS["users"]["sales@nordic.example"] = {"password": pw, "role": "SALES", "tenant": "Nordic Living"}

    demo_admin, _ = signed_in("admin@demo.example", DEMO_ADMIN_PW)
    FACTS["users"]["admin@demo.example"] = {"password": DEMO_ADMIN_PW, "role": "ACCOUNT_ADMIN", "tenant": "Demo Furniture"}
    demo_key_page = demo_admin.get("/admin/api-key", 200).text
    FACTS["demo_key_last4"] = inner(demo_key_page, r'<dd class="last4"[^>]*>(.*?)</dd>')
    FACTS["demo_key_fingerprint"] = inner(demo_key_page, r'<dd class="fingerprint"[^>]*>(.*?)</dd>')
    demo_sales, _ = signed_in("sales@demo.example", DEMO_SALES_PW)
    FACTS["users"]["sales@demo.example"] = {"password": DEMO_SALES_PW, "role": "SALES", "tenant": "Demo Furniture"}

    sales2_otp = create_user(demo_admin, "sales2@demo.example", "SALES")
    demo_sales2, pw = signed_in("sales2@demo.example", sales2_otp, DEMO_SALES2_PW)
    FACTS["users"]["sales2@demo.example"] = {"password": pw, "role": "SALES", "tenant": "Demo Furniture"}
    temp_otp = create_user(demo_admin, "temp@demo.example", "SALES")
    temp, pw = signed_in("temp@demo.example", temp_otp, DEMO_TEMP_PW)
    temp.get("/catalog", 200)
    temp_id = user_row(demo_admin, "temp@demo.example")["data-user-id"]
    demo_admin.submit("/admin/users", f"/admin/users/{temp_id}/disable", {}, 302)
    temp.get("/", 302)  # its session ends
    FACTS["users"]["temp@demo.example"] = {"password": pw, "role": "SALES", "tenant": "Demo Furniture",
                                           "enabled": "false"}
    FACTS["user_ids"] = {}
    for admin in (demo_admin, nordic_admin):
        for t in tags(admin.get("/admin/users", 200).text, "tr"):
            if "data-user-id" in t:
                FACTS["user_ids"][t["data-username"]] = {"id": t["data-user-id"], "role": t["data-role"],
                                                        "enabled": t["data-enabled"]}

    # Mimeeq work in both tenants, as admins and sales staff
    use_mimeeq(nordic_admin, "Nordic Living", 2, 0)
    use_mimeeq(nordic_sales, "Nordic Living", 2, 2)
    use_mimeeq(demo_admin, "Demo Furniture", 2, 0)
    use_mimeeq(demo_sales, "Demo Furniture", 2, 2)
    use_mimeeq(demo_sales2, "Demo Furniture", 1, 4)

    # a few failed sign-ins (below the lockout threshold)
    for user, wrong in [("sales@nordic.example", "wrong-password-1"), ("sales@nordic.example", "wrong-password-2"),
                        ("admin@demo.example", "not-the-password"), ("nobody@nordic.example", "whatever-pw-1")]:
        Client("guesser").sign_in(user, wrong, expect=401)

    # audit pages, search and export, then verification with checkpoints
    for admin in (nordic_admin, demo_admin):
        admin.get("/admin/audit", 200)
        admin.get("/admin/audit?range=24h&type=LOGIN", 200)
        admin.get("/admin/audit/export?format=csv", 200)
    verify(nordic_admin, "/admin/audit/verify", "Nordic Living")
    verify(demo_admin, "/admin/audit/verify", "Demo Furniture")
    verify(operator, "/operator/audit/verify", "system")
    # read the verdicts once more after the checkpoint posts (the posts are audited too)
    FACTS["verify_after"] = {
        "Nordic Living": inner(nordic_admin.get("/admin/audit/verify", 200).text, r'class="verdict[^"]*"[^>]*>(.*?)</'),
        "Demo Furniture": inner(demo_admin.get("/admin/audit/verify", 200).text, r'class="verdict[^"]*"[^>]*>(.*?)</'),
        "system": inner(operator.get("/operator/audit/verify", 200).text, r'class="verdict[^"]*"[^>]*>(.*?)</'),
    }

    for c in (nordic_admin, nordic_sales, demo_admin, demo_sales, demo_sales2, operator):
        c.submit("/", "/logout", {}, 302)


if __name__ == "__main__":
    try:
        main()
    finally:
        with open("/tmp/v5run/facts.json", "w") as f:
            json.dump(FACTS, f, indent=2)
        with open("/tmp/v5run/http.log", "w") as f:
            f.write("\n".join(LOG) + "\n")
