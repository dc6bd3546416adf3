package com.ticketing.queue.room.web;

import com.ticketing.common.auth.CurrentUser;
import com.ticketing.common.docs.ApiError;
import com.ticketing.common.web.ApiResponse;
import com.ticketing.common.web.Ids;
import com.ticketing.queue.QueueErrors;
import com.ticketing.queue.room.ListingRooms;
import com.ticketing.queue.room.RoomSummary;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The rooms users can wait in (login; the gateway's {@code queue} routes). */
@RestController
@Validated
@RequestMapping("/v1/api/queue/rooms")
class RoomController {

    private final ListingRooms listing;

    RoomController(ListingRooms listing) {
        this.listing = listing;
    }

    @Operation(summary = "Every room not CLOSED, soonest sale first, with a new arrival's estimated wait")
    @GetMapping
    ApiResponse<List<RoomSummary>> list(@CurrentUser long userId) {
        return ApiResponse.of(listing.open());
    }

    @Operation(summary = "One room")
    @ApiError(status = 404, codes = QueueErrors.ROOM_NOT_FOUND, when = "no such room")
    @GetMapping("/{roomId}")
    ApiResponse<RoomSummary> one(@CurrentUser long userId, @PathVariable @Positive @Max(Ids.MAX) long roomId) {
        return ApiResponse.of(listing.openOne(roomId));
    }
}
