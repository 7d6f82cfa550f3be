package org.dutychain.organization;

/**
 * Published after an edit of the active dataset has committed (its revision was
 * incremented): whatever is computed from the dataset's revision (the views' cached
 * audit) can start again in the background instead of waiting for the next view.
 *
 * @param generation the edited generation
 * @param unitId the unit the edit was about
 */
public record DatasetEdited(long generation, String unitId) {
}
