-- Vendor pitches as an admin set them on Admin -> Noise control (or the API), overriding
-- tact.noise.vendor-pitch-owner, -answer and -answer-text until the row is deleted again (one row, id 1).
CREATE TABLE noise_settings (
    id                  INT                      NOT NULL PRIMARY KEY,
    vendor_pitch_owner  VARCHAR(320)             NOT NULL,
    vendor_pitch_answer BOOLEAN                  NOT NULL,
    vendor_pitch_text   TEXT                     NOT NULL,
    updated_by          VARCHAR(400)             NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
