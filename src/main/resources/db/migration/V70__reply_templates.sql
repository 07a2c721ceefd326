-- Issue 17: reply templates and macros. A shared one (owner_id NULL) is managed by leads and admins and offered to
-- every agent; a personal one belongs to its agent. The body holds merge fields ({{contact.family_name}}); a macro
-- may also set a status, add tags and move the conversation to a team when an agent applies it.
CREATE TABLE reply_template (
  id          UUID PRIMARY KEY,
  owner_id    UUID,                      -- the agent of a personal template; NULL = shared
  owner_key   VARCHAR(40)   NOT NULL,    -- 'shared' or the owner's id: one name per owner (see the unique index)
  name        VARCHAR(120)  NOT NULL,
  name_key    VARCHAR(120)  NOT NULL,    -- the name lower-cased, for uniqueness whatever the case
  body        VARCHAR(10000) NOT NULL,
  set_status  VARCHAR(16),               -- OPEN, PENDING, ... (macro), NULL = leave it
  add_tags    VARCHAR(1000),             -- comma-separated tags the macro adds; NULL = none
  set_team_id UUID,                      -- team the macro moves the conversation to; NULL = leave it
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX reply_template_owner_name ON reply_template (owner_key, name_key);
