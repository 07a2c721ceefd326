package dev.tact.webform;

import java.util.List;

/** A form as an admin creates or changes it; see {@link WebForm} for the meaning of each part. */
public record WebFormRequest(String slug, String title, String intro, List<FormField> fields, Long maxFileBytes,
    Integer maxFiles, List<String> frameAncestors, java.util.UUID teamId, Boolean enabled) {}
