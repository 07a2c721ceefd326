package dev.tact.dashboard.web;

import dev.tact.dashboard.DashboardSection;
import java.util.List;

/** One section of the page with its panels (a section no module contributes to is left out). */
record SectionView(DashboardSection section, String id, String title, List<PanelView> panels) {}
