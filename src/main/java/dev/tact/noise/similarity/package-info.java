/** INTERIM stand-in until the noise-core branch is merged: the same API, replaced by the merge. */
package dev.tact.noise.similarity;
