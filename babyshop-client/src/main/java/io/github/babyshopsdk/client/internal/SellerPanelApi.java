package io.github.babyshopsdk.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Query;
import retrofit2.http.Streaming;

/**
 * The SellerPanel V3 wire contract, one method per operation, exactly as the reference describes it:
 * {@code authToken} is a GET with query parameters; every other operation is a form-encoded POST with a
 * single {@code RequestBody} field holding JSON and the {@code ApiKey} header. Paths have no leading
 * slash, so they resolve under the configured base path.
 *
 * <p>JSON answers are read as trees ({@link JsonNode}) and interpreted by the client's mapping layer,
 * because the API answers HTTP 200 for failures and its field types are loose.
 */
public interface SellerPanelApi {
    /** The header that carries the API key. */
    String API_KEY_HEADER = "ApiKey";
    /** The form field that carries the JSON request. */
    String REQUEST_BODY_FIELD = "RequestBody";

    @GET("authToken")
    Call<JsonNode> authToken(@Query("username") String username, @Query("password") String password);

    @FormUrlEncoded
    @POST("productFetch")
    Call<JsonNode> productFetch(@Header(API_KEY_HEADER) String apiKey, @Field(REQUEST_BODY_FIELD) String json);

    @FormUrlEncoded
    @POST("inventoryPriceUpdate")
    Call<JsonNode> inventoryPriceUpdate(@Header(API_KEY_HEADER) String apiKey,
                                        @Field(REQUEST_BODY_FIELD) String json);

    @FormUrlEncoded
    @POST("inventoryPriceStatus")
    Call<JsonNode> inventoryPriceStatus(@Header(API_KEY_HEADER) String apiKey,
                                        @Field(REQUEST_BODY_FIELD) String json);

    @FormUrlEncoded
    @POST("skuBackOrder")
    Call<JsonNode> skuBackOrder(@Header(API_KEY_HEADER) String apiKey, @Field(REQUEST_BODY_FIELD) String json);

    @FormUrlEncoded
    @POST("orderList")
    Call<JsonNode> orderList(@Header(API_KEY_HEADER) String apiKey, @Field(REQUEST_BODY_FIELD) String json);

    @FormUrlEncoded
    @POST("orderListJIT")
    Call<JsonNode> orderListJit(@Header(API_KEY_HEADER) String apiKey, @Field(REQUEST_BODY_FIELD) String json);

    @FormUrlEncoded
    @POST("orderFetch")
    Call<JsonNode> orderFetch(@Header(API_KEY_HEADER) String apiKey, @Field(REQUEST_BODY_FIELD) String json);

    @FormUrlEncoded
    @POST("orderFetchJIT")
    Call<JsonNode> orderFetchJit(@Header(API_KEY_HEADER) String apiKey, @Field(REQUEST_BODY_FIELD) String json);

    @FormUrlEncoded
    @POST("orderReturn")
    Call<JsonNode> orderReturn(@Header(API_KEY_HEADER) String apiKey, @Field(REQUEST_BODY_FIELD) String json);

    @FormUrlEncoded
    @POST("generateInvoice")
    Call<JsonNode> generateInvoice(@Header(API_KEY_HEADER) String apiKey, @Field(REQUEST_BODY_FIELD) String json);

    @FormUrlEncoded
    @POST("fetchInvoice")
    Call<JsonNode> fetchInvoice(@Header(API_KEY_HEADER) String apiKey, @Field(REQUEST_BODY_FIELD) String json);

    @Streaming
    @FormUrlEncoded
    @POST("fetchDocuments")
    Call<ResponseBody> fetchDocuments(@Header(API_KEY_HEADER) String apiKey, @Field(REQUEST_BODY_FIELD) String json);

    @FormUrlEncoded
    @POST("orderShipping")
    Call<JsonNode> orderShipping(@Header(API_KEY_HEADER) String apiKey, @Field(REQUEST_BODY_FIELD) String json);

    @FormUrlEncoded
    @POST("orderCancellation")
    Call<JsonNode> orderCancellation(@Header(API_KEY_HEADER) String apiKey,
                                     @Field(REQUEST_BODY_FIELD) String json);
}
