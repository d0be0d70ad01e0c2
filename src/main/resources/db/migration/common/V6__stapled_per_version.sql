-- Whether the endpoint stapled under each TLS version (NULL when no handshake of that version
-- reached it): analysts filter on "staples under TLS 1.2 but not under TLS 1.3" in endpoints.csv.
ALTER TABLE ss_assessment ADD COLUMN stapled_tls13 BOOLEAN;
ALTER TABLE ss_assessment ADD COLUMN stapled_tls12 BOOLEAN;
