import json, subprocess, os
env = dict(os.environ, PGPASSWORD=open("/tmp/pgv5/portal-db-password").read().strip())
def q(sql):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", "55432", "-U", "portal", "portal", "-AtF", "\t", "-c", sql],
                         env=env, check=True, capture_output=True, text=True).stdout
    return [l.split("\t") for l in out.splitlines() if l]
f = json.load(open("/tmp/v5run/facts.json"))
L = []
a = L.append
a("# Upgrade fixture: a PostgreSQL database written by the portal at schema V5 (commit a11d930). See README.md.")
a("# Test-only credentials. Chains are named by tenant id; 'system' is the operator's chain.")
a("source.commit=a11d93026e23f861eed57fd5ffdb84aaa747f4cd")
a("schema.version=5")
a("flyway.versions=" + ",".join(r[0] for r in q("select version from flyway_schema_history order by installed_rank")))
a("demo.tenant.base-url=sandbox")
keys = {"Demo Furniture": "demo", "Nordic Living": "nordic"}
for tid, name, url, status, ret in q("select id,name,mimeeq_base_url,status,audit_retention_days from tenant order by name"):
    k = keys[name]
    a(f"tenant.{k}.id={tid}"); a(f"tenant.{k}.name={name}"); a(f"tenant.{k}.base-url={url}")
    a(f"tenant.{k}.status={status}"); a(f"tenant.{k}.audit-retention-days={ret}")
for tid, last4, fp, by in q("select tenant_id,last4,fingerprint,set_by from tenant_api_key order by tenant_id"):
    k = next(keys[n] for n, i in f["tenants"].items() if i == tid)
    acct = "demo-furniture" if k == "demo" else "nordic-living"
    a(f"tenant.{k}.api-key.last4={last4}"); a(f"tenant.{k}.api-key.fingerprint={fp}")
    a(f"tenant.{k}.api-key.set-by={by}"); a(f"tenant.{k}.api-key.sandbox-account={acct}")
users = q("select username,tenant_id,role,enabled,must_change_password,failed_attempts,id from portal_user order by tenant_id,username")
a(f"users={','.join(u[0] for u in users)}")
for name, tid, role, enabled, mcp, failed, uid in users:
    p = f"user.{name}."
    a(p + "id=" + uid); a(p + "tenant=" + tid); a(p + "role=" + role)
    a(p + "enabled=" + ("true" if enabled == "t" else "false"))
    a(p + "must-change-password=" + ("true" if mcp == "t" else "false")); a(p + "failed-attempts=" + failed)
    a(p + "password=" + f["users"][name]["password"])
a("# admin@nordic.example still has the one-time password the operator's page showed: this release did not force the first admin to change it.")
for t in ["tenant", "portal_user", "tenant_api_key", "audit_event", "audit_chain_head", "generated_short_code", "flyway_schema_history"]:
    a(f"count.{t}={q('select count(*) from ' + t)[0][0]}")
names = {v: keys[k] for k, v in f["tenants"].items()}; names["system"] = "system"
for tid, n, last in q("select tenant_id,count(*),max(seq) from audit_event group by 1 order by 1"):
    c = names[tid]
    a(f"audit.{c}.chain={tid}"); a(f"count.audit_event.{c}={n}"); a(f"audit.{c}.last-seq={last}")
    head = q(f"select last_seq,anchor_seq from audit_chain_head where tenant_id='{tid}'")[0]
    a(f"audit.{c}.head.last-seq={head[0]}"); a(f"audit.{c}.head.anchor-seq={head[1]}")
    a(f"audit.{c}.verify-page.last=" + f["verify_final"][{"demo": "Demo Furniture", "nordic": "Nordic Living", "system": "system"}[c]])
    a(f"audit.{c}.event-types=" + ",".join(f"{t}:{k}" for t, k in q(f"select event_type,count(*) from audit_event where tenant_id='{tid}' group by 1 order by 1")))
for tid, n in q("select tenant_id,count(*) from generated_short_code group by 1 order by 1"):
    a(f"count.generated_short_code.{names[tid]}={n}")
a("audit.checkpoint-files=audit-checkpoints/<chain>.log (one v1 HEAD line each: nordic #24, demo #29, system #6)")
for i, (code, tid, pid, conf, by) in enumerate(q("select short_code,tenant_id,product_id,configuration_code,created_by from generated_short_code order by created_at"), 1):
    a(f"shortcode.{i}={code}"); a(f"shortcode.{i}.tenant={names[tid]}"); a(f"shortcode.{i}.product-id={pid}")
    a(f"shortcode.{i}.configuration-code={conf}"); a(f"shortcode.{i}.created-by={by}")
open("/work/fixture-v5/facts.properties", "w").write("\n".join(L) + "\n")
