-- The Mimeeq sandbox left the portal's WAR and is reached like Mimeeq itself, over an http(s) base URL. Tenants
-- that called the old built-in sandbox (base URL 'sandbox', which only demo mode allowed) now call the sandbox
-- deployed beside the portal: portal.demo.mimeeq-base-url, handed to Flyway as this placeholder at start-up.
update tenant set mimeeq_base_url = '${legacy_sandbox_base_url}' where mimeeq_base_url = 'sandbox';
