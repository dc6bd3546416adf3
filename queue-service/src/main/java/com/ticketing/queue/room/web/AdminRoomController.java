package com.ticketing.queue.room.web;

import com.ticketing.common.auth.Caller;
import com.ticketing.common.auth.CurrentUser;
import com.ticketing.common.docs.ApiError;
import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.web.ApiResponse;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.common.web.Ids;
import com.ticketing.queue.QueueErrors;
import com.ticketing.queue.domain.RoomAction;
import com.ticketing.queue.room.ListingRooms;
import com.ticketing.queue.room.OperatingRooms;
import com.ticketing.queue.room.RoomDetails;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * The operations API (docs/contracts.md, "Waiting rooms"): role ADMIN only, checked by the gateway and again here
 * (403 {@code FORBIDDEN} otherwise; no login is 401).
 */
@RestController
@Validated
@RequestMapping("/v1/api/admin/rooms")
class AdminRoomController {

    private final ListingRooms listing;
    private final OperatingRooms operating;

    AdminRoomController(ListingRooms listing, OperatingRooms operating) {
        this.listing = listing;
        this.operating = operating;
    }

    @Operation(summary = "Every room with its settings and figures")
    @ApiError(status = 403, codes = ErrorCodes.FORBIDDEN, when = "the caller is not an admin")
    @GetMapping
    ApiResponse<List<RoomDetails>> list(@CurrentUser Caller caller) {
        requireAdmin(caller);
        return ApiResponse.of(listing.all());
    }

    @Operation(summary = "One room's settings and figures")
    @ApiError(status = 403, codes = ErrorCodes.FORBIDDEN, when = "the caller is not an admin")
    @ApiError(status = 404, codes = QueueErrors.ROOM_NOT_FOUND, when = "no such room")
    @GetMapping("/{roomId}")
    ApiResponse<RoomDetails> one(@CurrentUser Caller caller, @PathVariable @Positive @Max(Ids.MAX) long roomId) {
        requireAdmin(caller);
        return ApiResponse.of(listing.one(roomId));
    }

    @Operation(summary = "Create the room of a schedule (PRE_QUEUE when its sale start is ahead, else OPEN)")
    @ApiError(status = 400, codes = {ErrorCodes.VALIDATION_FAILED, QueueErrors.SCHEDULE_NOT_FOUND},
            when = "a value out of bounds, or no such schedule")
    @ApiError(status = 403, codes = ErrorCodes.FORBIDDEN, when = "the caller is not an admin")
    @ApiError(status = 409, codes = QueueErrors.ROOM_EXISTS, when = "the schedule has a room")
    @ApiError(status = 503, codes = ErrorCodes.SERVICE_UNAVAILABLE, when = "concert-service cannot be asked")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<RoomDetails> create(@CurrentUser Caller caller, @Valid @RequestBody CreateRoomRequest request) {
        requireAdmin(caller);
        return ApiResponse.of(operating.create(caller.userId(), new OperatingRooms.NewRoom(request.roomId(),
                request.name(), request.saleStartsAt(), request.maxActiveUsers(), request.newUsersPerMinute(),
                request.sessionDurationSeconds())));
    }

    @Operation(summary = "Move a PRE_QUEUE room's sale start")
    @ApiError(status = 400, codes = ErrorCodes.VALIDATION_FAILED, when = "missing, or more than a year ahead")
    @ApiError(status = 403, codes = ErrorCodes.FORBIDDEN, when = "the caller is not an admin")
    @ApiError(status = 404, codes = QueueErrors.ROOM_NOT_FOUND, when = "no such room")
    @ApiError(status = 409, codes = QueueErrors.ROOM_STATE_CONFLICT, when = "the room is not PRE_QUEUE")
    @PutMapping("/{roomId}/sale-start")
    ApiResponse<RoomDetails> saleStart(@CurrentUser Caller caller, @PathVariable @Positive @Max(Ids.MAX) long roomId,
                                       @Valid @RequestBody SaleStartRequest request) {
        requireAdmin(caller);
        return ApiResponse.of(operating.changeSaleStart(caller.userId(), roomId, request.saleStartsAt()));
    }

    @Operation(summary = "Change a room's limits (from its next admission step)")
    @ApiError(status = 400, codes = ErrorCodes.VALIDATION_FAILED, when = "none given, or out of bounds")
    @ApiError(status = 403, codes = ErrorCodes.FORBIDDEN, when = "the caller is not an admin")
    @ApiError(status = 404, codes = QueueErrors.ROOM_NOT_FOUND, when = "no such room")
    @ApiError(status = 409, codes = QueueErrors.ROOM_STATE_CONFLICT, when = "the room is closed")
    @PutMapping("/{roomId}/limits")
    ApiResponse<RoomDetails> limits(@CurrentUser Caller caller, @PathVariable @Positive @Max(Ids.MAX) long roomId,
                                    @Valid @RequestBody LimitsRequest request) {
        requireAdmin(caller);
        return ApiResponse.of(operating.changeLimits(caller.userId(), roomId, new OperatingRooms.LimitsChange(
                request.maxActiveUsers(), request.newUsersPerMinute(), request.sessionDurationSeconds())));
    }

    @Operation(summary = "Pause admission (arrivals still queue)")
    @ApiError(status = 403, codes = ErrorCodes.FORBIDDEN, when = "the caller is not an admin")
    @ApiError(status = 404, codes = QueueErrors.ROOM_NOT_FOUND, when = "no such room")
    @ApiError(status = 409, codes = QueueErrors.ROOM_STATE_CONFLICT, when = "the room is not OPEN")
    @PostMapping("/{roomId}/pause")
    ApiResponse<RoomDetails> pause(@CurrentUser Caller caller, @PathVariable @Positive @Max(Ids.MAX) long roomId) {
        requireAdmin(caller);
        return ApiResponse.of(operating.transition(caller.userId(), roomId, RoomAction.PAUSE));
    }

    @Operation(summary = "Resume admission")
    @ApiError(status = 403, codes = ErrorCodes.FORBIDDEN, when = "the caller is not an admin")
    @ApiError(status = 404, codes = QueueErrors.ROOM_NOT_FOUND, when = "no such room")
    @ApiError(status = 409, codes = QueueErrors.ROOM_STATE_CONFLICT, when = "the room is not PAUSED")
    @PostMapping("/{roomId}/resume")
    ApiResponse<RoomDetails> resume(@CurrentUser Caller caller, @PathVariable @Positive @Max(Ids.MAX) long roomId) {
        requireAdmin(caller);
        return ApiResponse.of(operating.transition(caller.userId(), roomId, RoomAction.RESUME));
    }

    @Operation(summary = "Close: no arrivals, no admission, line and pre-queue emptied; sessions run to their end")
    @ApiError(status = 403, codes = ErrorCodes.FORBIDDEN, when = "the caller is not an admin")
    @ApiError(status = 404, codes = QueueErrors.ROOM_NOT_FOUND, when = "no such room")
    @ApiError(status = 409, codes = QueueErrors.ROOM_STATE_CONFLICT, when = "the room is closed")
    @PostMapping("/{roomId}/close")
    ApiResponse<RoomDetails> close(@CurrentUser Caller caller, @PathVariable @Positive @Max(Ids.MAX) long roomId) {
        requireAdmin(caller);
        return ApiResponse.of(operating.transition(caller.userId(), roomId, RoomAction.CLOSE));
    }

    @Operation(summary = "The room's changes, newest first (the last 1,000)")
    @ApiError(status = 403, codes = ErrorCodes.FORBIDDEN, when = "the caller is not an admin")
    @ApiError(status = 404, codes = QueueErrors.ROOM_NOT_FOUND, when = "no such room")
    @GetMapping("/{roomId}/audit")
    ApiResponse<List<JsonNode>> audit(@CurrentUser Caller caller, @PathVariable @Positive @Max(Ids.MAX) long roomId) {
        requireAdmin(caller);
        return ApiResponse.of(operating.audit(roomId));
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, ErrorCodes.FORBIDDEN, "the operations API is for admins");
        }
    }
}
