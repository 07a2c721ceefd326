package dev.tact.staff;

import java.util.List;
import java.util.UUID;

public record Team(UUID id, String name, List<UUID> memberIds) {}
