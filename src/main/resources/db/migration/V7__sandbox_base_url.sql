-- The Mimeeq sandbox left the portal's WAR and is reached like Mimeeq itself, over an http(s) base URL. Tenants
-- that called the old built-in sandbox (base URL 'sandbox', demo mode only) now call the sandbox deployed beside
-- the portal on the default port. Demo Furniture moves on to portal.demo.mimeeq-base-url at every demo start.
update tenant set mimeeq_base_url = 'http://localhost:8080/sandbox' where mimeeq_base_url = 'sandbox';
